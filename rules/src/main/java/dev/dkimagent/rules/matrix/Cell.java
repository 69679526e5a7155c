package dev.dkimagent.rules.matrix;

import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Soa;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;

/**
 * One expected record on one nameserver address, judged once.
 *
 * @param server      the address (and one NS name for it)
 * @param state       what it serves, judged against the expectation
 * @param notJudged   why it could not be judged (state NOT_JUDGED), else null
 * @param ttl         the TTL resolvers get for the records of the expected type (the smallest), if served
 * @param served      what it serves as one canonical string that compares across servers
 *                    (CNAME target, quoted TXT values, other data, or {@value #NOTHING})
 * @param target      the CNAME the name itself holds, if any
 * @param otherTypes  types other than CNAME the name holds, across every asked query, sorted
 * @param txts        the TXT values the name itself holds (the key as this server serves it)
 * @param negativeSoa for MISSING: the SOA that bounds how long resolvers cache the absence
 */
public record Cell(Nameserver server, CellState state, NotJudged notJudged, OptionalLong ttl, String served,
                   Optional<String> target, SortedSet<String> otherTypes, List<String> txts,
                   Optional<Soa> negativeSoa) {
    public static final String NOTHING = "nothing";

    public Cell {
        otherTypes = otherTypes.isEmpty() ? java.util.Collections.emptySortedSet()
                : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(otherTypes));
        txts = List.copyOf(txts);
    }

    static Cell notJudged(Nameserver server, NotJudged why) {
        return new Cell(server, CellState.NOT_JUDGED, why, OptionalLong.empty(), NOTHING, Optional.empty(),
                java.util.Collections.emptySortedSet(), List.of(), Optional.empty());
    }

    public boolean judged() {
        return state != CellState.NOT_JUDGED;
    }

    /** The one definition of "served correctly": the expected record, type and value, nothing beside it. */
    public boolean servedCorrectly() {
        return state == CellState.OK;
    }
}
