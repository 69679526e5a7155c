package dev.dkimagent.agent.pipeline;

import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code check}'s end of a zone's run: keeps every judged zone, then joins them into the one
 * snapshot and verdict list the reports print (a report lists everything, so it holds everything).
 */
public final class CheckCollector implements ZoneSink {
    /** The order of {@code RuleEngine.evaluate}: worst first, then by key, so output is stable. */
    private static final Comparator<Verdict> ORDER =
            Comparator.comparing(Verdict::severity).thenComparing(v -> v.finding().key());

    private final Queue<JudgedZone> judged = new ConcurrentLinkedQueue<>();

    @Override
    public void accept(JudgedZone zone) {
        judged.add(zone);
    }

    /**
     * @param at         when the check started
     * @param identities the inventory, in the order the report lists it
     * @param ses        SES's whole view
     */
    public CheckResult result(Instant at, List<Identity> identities, SesView ses) {
        Map<String, ZoneView> zones = new HashMap<>();
        Map<String, String> zoneOfName = new HashMap<>();
        Map<Query, Answer> answers = new HashMap<>();
        Map<String, Answer> keyAnswers = new HashMap<>();
        List<JudgedZone> inOrder = judged.stream().sorted(Comparator.comparing(JudgedZone::key)).toList();
        List<Verdict> verdicts = new ArrayList<>();
        Map<String, ZoneMatrix> matrices = new HashMap<>();
        for (JudgedZone zone : inOrder) {
            Snapshot s = zone.snapshot();
            zones.putAll(s.zones());
            zoneOfName.putAll(s.zoneOfName());
            answers.putAll(s.answers());
            keyAnswers.putAll(s.keyAnswers());
            verdicts.addAll(zone.verdicts());
            matrices.putAll(zone.judgement().matrices());
        }
        verdicts.sort(ORDER);
        return new CheckResult(new Snapshot(at, identities, zones, zoneOfName, answers, keyAnswers, ses), verdicts,
                matrices);
    }
}
