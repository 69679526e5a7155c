package dev.dkimagent.agent.pipeline;

import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Identity;
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
 * {@code check}'s end of a zone's run: keeps what the reports print of every judged zone (its
 * verdicts, its matrices, where its records live), then joins them into one snapshot and verdict
 * list (a report lists everything, so it holds everything). The zones' answers are not kept: the
 * matrices' cells are what was judged of them, and the reports read only the cells.
 */
public final class CheckCollector implements ZoneSink {
    /** The order of {@code RuleEngine.evaluate}: worst first, then by key, so output is stable. */
    private static final Comparator<Verdict> ORDER =
            Comparator.comparing(Verdict::severity).thenComparing(v -> v.finding().key());

    private final Queue<Kept> judged = new ConcurrentLinkedQueue<>();

    /** What a report needs of one judged zone; its answers can go as soon as it is judged. */
    private record Kept(String key, Map<String, ZoneView> zones, Map<String, String> zoneOfName,
                        List<Verdict> verdicts, Map<String, ZoneMatrix> matrices) {
    }

    @Override
    public void accept(JudgedZone zone) {
        Snapshot s = zone.snapshot();
        judged.add(new Kept(zone.key(), s.zones(), s.zoneOfName(), zone.verdicts(), zone.judgement().matrices()));
    }

    /**
     * @param at         when the check started
     * @param identities the inventory, in the order the report lists it
     * @param ses        SES's whole view
     * @return every verdict and matrix, and a snapshot of the identities, zones and SES view
     *         (without the direct and key answers, which the matrices judged)
     */
    public CheckResult result(Instant at, List<Identity> identities, SesView ses) {
        Map<String, ZoneView> zones = new HashMap<>();
        List<Kept> inOrder = judged.stream().sorted(Comparator.comparing(Kept::key)).toList();
        List<Verdict> verdicts = new ArrayList<>();
        Map<String, ZoneMatrix> matrices = new HashMap<>();
        for (Kept zone : inOrder) {
            zones.putAll(zone.zones());
            verdicts.addAll(zone.verdicts());
            matrices.putAll(zone.matrices());
        }
        verdicts.sort(ORDER);
        return new CheckResult(new Snapshot(at, identities, zones, zoneOfName(inOrder), Map.of(), Map.of(), ses),
                verdicts, matrices);
    }

    /** Where every record lives: one zone's own (immutable) map as it is, without a copy; else merged. */
    private static Map<String, String> zoneOfName(List<Kept> zones) {
        List<Kept> withRecords = zones.stream().filter(z -> !z.zoneOfName().isEmpty()).toList();
        if (withRecords.size() == 1) {
            return withRecords.get(0).zoneOfName(); // a check of one big zone: 30,000 names not copied twice
        }
        Map<String, String> merged = new HashMap<>();
        withRecords.forEach(z -> merged.putAll(z.zoneOfName()));
        return merged;
    }
}
