package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.probe.ZoneWork;
import java.time.Duration;

/**
 * How long one zone's probes may take before the zone counts as failed: a base for discovery
 * (a few resolver round trips, each up to timeout x attempts) plus the zone's direct queries per
 * nameserver address paced at the politeness limit, with every zone in flight sharing that pace.
 * Generous on purpose: it catches a probe that never ends, not a slow server.
 *
 * @param base            discovery and key look-ups
 * @param perAddressQuery time allowed per direct query to one address
 */
public record ZoneTimeout(Duration base, Duration perAddressQuery) {
    /** Per record at most: TXT, then CNAME, then A + AAAA after a CNAME that came back NODATA (RecordQueries). */
    private static final int QUERIES_PER_RECORD = 4;

    /** The bound for DNS settings: {@code base} plus twice the paced time of every zone in flight. */
    public static ZoneTimeout of(Duration base, int perNameserverQps, int zonesInFlight) {
        long nanos = Math.max(1, 2L * zonesInFlight * 1_000_000_000L / Math.max(1, perNameserverQps));
        return new ZoneTimeout(base, Duration.ofNanos(nanos));
    }

    public Duration of(ZoneWork zone) {
        long records = zone.identities().stream().mapToLong(i -> i.records().size()).sum();
        return base.plus(perAddressQuery.multipliedBy(records * QUERIES_PER_RECORD + 1));
    }
}
