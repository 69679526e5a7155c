package dev.dkimagent.rules.matrix;

import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.NameAnswers;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.ZoneView;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rows judged ahead of the matrix, while a big zone's replies still arrive: a record's cells depend
 * only on its own answers, the zone's view (found, why not, apex) and each address's SOA answer,
 * so a row judged once its answers are complete is the row {@link Matrices#of(dev.dkimagent.rules.model.Snapshot, RowsAhead)}
 * would build, as long as those inputs are the same. The matrix takes a row from here only then:
 * the very same {@link NameAnswers} (replaced, never changed, when an answer arrives, so sameness
 * is identity), the same identity and record objects, equal SOA cells, the same zone facts.
 * Anything else is judged again with the snapshot. One thread uses an instance (the zone's worker).
 */
public final class RowsAhead {
    private final Map<ExpectedRecord, Ahead> byRecord = new IdentityHashMap<>();
    /** The last pair of SOA lists (ahead, matrix) found equal: compared once, not once per row. */
    private List<ServerSoa> aheadSeenEqual;
    private List<ServerSoa> nowSeenEqual;

    private record Ahead(Identity identity, ZoneView zone, List<ServerSoa> soas, NameAnswers answers, RecordRow row) {
    }

    /**
     * The SOA cells of the zone's addresses, as the matrix builds them, or empty while an address's
     * SOA answer is still missing (its rows would be judged without it, and the matrix would not
     * take them).
     *
     * @param apexAnswers the direct answers to the apex name (its SOA answers)
     */
    public static Optional<List<ServerSoa>> soas(ZoneView zone, NameAnswers apexAnswers) {
        List<ServerSoa> out = new ArrayList<>();
        for (Nameserver server : Matrices.distinctServers(zone)) {
            var answer = apexAnswers.get("SOA", server.address());
            if (answer == null) {
                return Optional.empty();
            }
            out.add(CellJudge.soa(Optional.of(answer), zone, server));
        }
        return Optional.of(List.copyOf(out));
    }

    /**
     * Judges one record ahead.
     *
     * @param soas    {@link #soas} of the zone
     * @param answers every answer to the record's name (no query of it still open)
     */
    public void judge(ZoneView zone, List<ServerSoa> soas, Identity identity, ExpectedRecord r, NameAnswers answers) {
        byRecord.put(r, new Ahead(identity, zone, soas, answers, Matrices.row(answers, zone, soas, identity, r)));
    }

    /** How many rows were judged ahead. */
    public int size() {
        return byRecord.size();
    }

    /** The row judged ahead from exactly these inputs, or null. */
    RecordRow reusable(ZoneView zone, List<ServerSoa> soas, Identity identity, ExpectedRecord r, NameAnswers answers) {
        Ahead a = byRecord.get(r);
        if (a == null || a.identity() != identity || a.answers() != answers || !sameZoneFacts(a.zone(), zone)) {
            return null;
        }
        return sameSoas(a.soas(), soas) ? a.row() : null;
    }

    /** What a cell reads of the zone's view. */
    private static boolean sameZoneFacts(ZoneView ahead, ZoneView now) {
        return ahead == now || ahead.discovered() == now.discovered() && ahead.apex().equals(now.apex())
                && Objects.equals(ahead.discoveryError(), now.discoveryError());
    }

    private boolean sameSoas(List<ServerSoa> ahead, List<ServerSoa> now) {
        if (ahead == aheadSeenEqual && now == nowSeenEqual) {
            return true;
        }
        if (!ahead.equals(now)) {
            return false;
        }
        aheadSeenEqual = ahead;
        nowSeenEqual = now;
        return true;
    }
}
