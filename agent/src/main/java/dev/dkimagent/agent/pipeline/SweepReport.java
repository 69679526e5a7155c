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
 * @param identities  how many identities the inventory held
 * @param judged      false when nothing was judged and nothing changed: no resolver answered, or
 *                    finding the zones failed (then {@code failedZones} says so)
 * @param zones       the keys of every zone the sweep covered (and the SES-wide scope), failed ones included
 * @param failedZones the keys of the zones that failed (logged with the reason)
 * @param whole       true for a sweep of every zone; false for one part of it (a cluster shard):
 *                    then {@code zones} are that part's only, and a zone missing from it has not
 *                    left the inventory
 */
public record SweepReport(Instant started, Duration took, int identities, boolean judged, Set<String> zones,
                          List<String> failedZones, boolean whole) {
    /** The failed "zone" of a sweep that could not even find the zones. */
    public static final String LOCATING = "(finding the zones)";


    public SweepReport {
        zones = Set.copyOf(zones);
        failedZones = List.copyOf(failedZones);
    }

    /** A sweep of every zone. */
    public SweepReport(Instant started, Duration took, int identities, boolean judged, Set<String> zones,
                       List<String> failedZones) {
        this(started, took, identities, judged, zones, failedZones, true);
    }

    /** Judged with no zone failing. */
    public boolean clean() {
        return judged && failedZones.isEmpty();
    }
}
