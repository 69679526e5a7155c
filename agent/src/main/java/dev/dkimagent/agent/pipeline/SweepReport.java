package dev.dkimagent.agent.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * How one sweep went.
 *
 * @param started     when it started
 * @param took        how long it took
 * @param judged      false when no resolver answered: nothing was judged and nothing changed
 * @param zones       the keys of every zone the sweep covered (and the SES-wide scope), failed ones included
 * @param failedZones the keys of the zones that failed (logged with the reason)
 */
public record SweepReport(Instant started, Duration took, boolean judged, Set<String> zones,
                          List<String> failedZones) {

    public SweepReport {
        zones = Set.copyOf(zones);
        failedZones = List.copyOf(failedZones);
    }

    /** Judged with no zone failing. */
    public boolean clean() {
        return judged && failedZones.isEmpty();
    }
}
