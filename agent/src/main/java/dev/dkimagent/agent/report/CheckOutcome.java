package dev.dkimagent.agent.report;

import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Judgement;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.matrix.Matrices;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A judged sweep: the snapshot and its verdicts, with the questions reports ask of them. Verdicts
 * are indexed once by identity and by zone, so a report over 10,000 identities stays linear.
 */
public final class CheckOutcome {
    private final Snapshot snapshot;
    private final List<Verdict> verdicts;
    private final Map<String, ZoneMatrix> matrices;
    private final Severity failOn;
    /** Positions in {@link #verdicts} of each identity's own verdicts, and of each zone's identity-less ones. */
    private final Map<String, List<Integer>> byIdentity = new HashMap<>();
    private final Map<String, List<Integer>> byZone = new HashMap<>();

    /** @param failOn the threshold that decides "ok" and the exit code */
    public CheckOutcome(Snapshot snapshot, Judgement judgement, Severity failOn) {
        this(snapshot, judgement.verdicts(), judgement.matrices(), failOn);
    }

    /** Verdicts judged elsewhere; the matrices the report's cells show are built from the snapshot. */
    public CheckOutcome(Snapshot snapshot, List<Verdict> verdicts, Severity failOn) {
        this(snapshot, verdicts, Matrices.of(snapshot), failOn);
    }

    /** Verdicts and the matrices they were judged on, from several judgements (one per zone). */
    public CheckOutcome(Snapshot snapshot, List<Verdict> verdicts, Map<String, ZoneMatrix> matrices, Severity failOn) {
        this.snapshot = snapshot;
        this.verdicts = List.copyOf(verdicts);
        this.matrices = matrices;
        this.failOn = failOn;
        for (int i = 0; i < this.verdicts.size(); i++) {
            var subject = this.verdicts.get(i).finding().subject();
            if (subject.identity() != null) {
                byIdentity.computeIfAbsent(subject.identity(), k -> new ArrayList<>()).add(i);
            } else if (subject.zone() != null) {
                byZone.computeIfAbsent(subject.zone(), k -> new ArrayList<>()).add(i);
            }
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public List<Verdict> verdicts() {
        return verdicts;
    }

    /** The judged matrix of one zone: the cells the report shows. */
    public Optional<ZoneMatrix> matrix(String apex) {
        return Optional.ofNullable(matrices.get(apex));
    }

    public Severity failOn() {
        return failOn;
    }

    public Instant checkedAt() {
        return snapshot.at();
    }

    /** The zone an identity's records live in (discovered or failed), if any. */
    public Optional<ZoneView> zoneOf(Identity identity) {
        // no stream: a report asks this of every identity, twice
        return identity.records().isEmpty() ? Optional.empty() : snapshot.zoneOf(identity.records().get(0).name());
    }

    /** The identity's own verdicts and those of its zone (which have no identity), in verdict order. */
    public List<Verdict> verdictsFor(Identity identity) {
        List<Integer> own = byIdentity.getOrDefault(identity.name(), List.of());
        List<Integer> zone = zoneOf(identity).map(z -> byZone.getOrDefault(z.apex(), List.of())).orElse(List.of());
        List<Verdict> merged = new ArrayList<>(own.size() + zone.size());
        int a = 0;
        int b = 0;
        while (a < own.size() || b < zone.size()) {
            boolean takeOwn = b == zone.size() || (a < own.size() && own.get(a) < zone.get(b));
            merged.add(verdicts.get(takeOwn ? own.get(a++) : zone.get(b++)));
        }
        return merged;
    }

    /** Verdicts no listed identity shows: SES could not be read (MON01), SES identities without records. */
    public List<Verdict> unattached() {
        Set<String> identitiesShown = new HashSet<>();
        Set<String> zonesShown = new HashSet<>();
        for (Identity identity : snapshot.identities()) {
            identitiesShown.add(identity.name());
            zoneOf(identity).map(ZoneView::apex).ifPresent(zonesShown::add);
        }
        return verdicts.stream().filter(v -> {
            String identity = v.finding().subject().identity();
            return identity != null ? !identitiesShown.contains(identity)
                    : !zonesShown.contains(v.finding().subject().zone());
        }).toList();
    }

    /** None of {@link #verdictsFor}'s verdicts reaches {@link #failOn}; read from the indexes, not merged. */
    public boolean ok(Identity identity) {
        if (byIdentity.isEmpty() && byZone.isEmpty()) {
            return true; // no verdict names an identity or a zone: the usual healthy report, one check per identity
        }
        return noneFails(byIdentity.getOrDefault(identity.name(), List.of()))
                && noneFails(zoneOf(identity).map(z -> byZone.getOrDefault(z.apex(), List.of())).orElse(List.of()));
    }

    private boolean noneFails(List<Integer> positions) {
        for (int i = 0; i < positions.size(); i++) {
            if (verdicts.get(positions.get(i)).severity().atLeast(failOn)) {
                return false;
            }
        }
        return true;
    }

    public boolean failing() {
        return verdicts.stream().anyMatch(v -> v.severity().atLeast(failOn));
    }
}
