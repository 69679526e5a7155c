package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.probe.ProbeProgress;
import dev.dkimagent.agent.probe.ZoneWork;
import dev.dkimagent.rules.matrix.RowsAhead;
import dev.dkimagent.rules.matrix.ServerSoa;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.NameAnswers;
import dev.dkimagent.rules.model.ZoneView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A big zone's records judged while the probe runs: the DNS threads queue each record name whose
 * answers are complete ({@link #progress}), the zone's worker judges the queued ones between its
 * waits ({@link #judgeQueued}), and the final matrix takes those rows when their inputs did not
 * change ({@link RowsAhead}). So only the records answered last are judged after the last reply.
 * Small zones are not worth it: their matrix is built in a moment after their last reply.
 */
final class JudgedAhead {
    /** Below this many records a zone is judged at the end only. */
    static final int MIN_RECORDS = 2_048;

    private record Answered(ZoneView zone, String name, NameAnswers answers, NameAnswers apexAnswers) {
    }

    private final RowsAhead rows = new RowsAhead();
    private final Queue<Answered> queued = new ConcurrentLinkedQueue<>();
    private final Map<String, List<Identity>> byName = new HashMap<>();
    private final boolean worthIt;
    private NameAnswers soasFrom;
    private List<ServerSoa> soas;

    JudgedAhead(ZoneWork work) {
        int records = 0;
        for (Identity identity : work.identities()) {
            records += identity.records().size();
        }
        worthIt = records >= MIN_RECORDS;
        if (worthIt) {
            for (Identity identity : work.identities()) {
                identity.records().forEach(r -> byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(identity));
            }
        }
    }

    /** What the probe reports to: nothing when the zone is too small to judge ahead. */
    ProbeProgress progress() {
        return worthIt ? (zone, name, answers, apex) -> queued.add(new Answered(zone, name, answers, apex))
                : ProbeProgress.NONE;
    }

    /** Judges every record queued so far (on the zone's worker). */
    void judgeQueued() {
        for (Answered a = queued.poll(); a != null; a = queued.poll()) {
            Optional<List<ServerSoa>> zoneSoas = soas(a);
            if (zoneSoas.isEmpty()) {
                continue; // an SOA answer still missing: judged at the end
            }
            for (Identity identity : byName.getOrDefault(a.name(), List.of())) {
                for (ExpectedRecord r : identity.records()) {
                    if (r.name().equals(a.name())) {
                        rows.judge(a.zone(), zoneSoas.get(), identity, r, a.answers());
                    }
                }
            }
        }
    }

    /** The zone's SOA cells, built again only when the apex's answers changed. */
    private Optional<List<ServerSoa>> soas(Answered a) {
        if (a.apexAnswers() != soasFrom) {
            soasFrom = a.apexAnswers();
            soas = RowsAhead.soas(a.zone(), a.apexAnswers()).orElse(null);
        }
        return Optional.ofNullable(soas);
    }

    RowsAhead rows() {
        return rows;
    }
}
