package dev.dkimagent.agent.report;

import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * A judged sweep: the snapshot and its verdicts, with the questions reports ask of them.
 *
 * @param failOn the threshold that decides "ok" and the exit code
 */
public record CheckOutcome(Snapshot snapshot, List<Verdict> verdicts, Severity failOn) {

    public Instant checkedAt() {
        return snapshot.at();
    }

    /** The zone an identity's records live in (discovered or failed), if any. */
    public Optional<ZoneView> zoneOf(Identity identity) {
        return identity.records().stream().findFirst().flatMap(r -> snapshot.zoneOf(r.name()));
    }

    /** The identity's own verdicts and those of its zone (which have no identity). */
    public List<Verdict> verdictsFor(Identity identity) {
        String zone = zoneOf(identity).map(ZoneView::apex).orElse(null);
        return verdicts.stream().filter(v -> concerns(v, identity.name(), zone)).toList();
    }

    /** Verdicts no listed identity shows: SES could not be read (MON01), SES identities without records. */
    public List<Verdict> unattached() {
        Map<String, String> zoneOfIdentity = new HashMap<>();
        for (Identity identity : snapshot.identities()) {
            zoneOfIdentity.put(identity.name(), zoneOf(identity).map(ZoneView::apex).orElse(null));
        }
        Set<String> zonesShown = new HashSet<>(zoneOfIdentity.values());
        zonesShown.remove(null);
        return verdicts.stream().filter(v -> {
            String identity = v.finding().subject().identity();
            return identity != null ? !zoneOfIdentity.containsKey(identity)
                    : !zonesShown.contains(v.finding().subject().zone());
        }).toList();
    }

    public boolean ok(Identity identity) {
        return verdictsFor(identity).stream().noneMatch(v -> v.severity().atLeast(failOn));
    }

    public boolean failing() {
        return verdicts.stream().anyMatch(v -> v.severity().atLeast(failOn));
    }

    private static boolean concerns(Verdict v, String identity, String zone) {
        String own = v.finding().subject().identity();
        if (own != null) {
            return own.equals(identity);
        }
        return zone != null && Objects.equals(v.finding().subject().zone(), zone);
    }
}
