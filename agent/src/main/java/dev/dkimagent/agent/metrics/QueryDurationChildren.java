package dev.dkimagent.agent.metrics;

import dev.dkimagent.rules.model.Snapshot;
import io.prometheus.client.Histogram;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The per-address children of the query-duration histogram. Nameserver sets change, so a child
 * whose address is gone from the last published snapshot AND got no observation for {@link #IDLE}
 * is removed; otherwise the series would stay (stale) and the map would only grow. Both tests are
 * needed: an address still in the snapshot keeps its child while its queries time out, and one
 * just queried (a sweep not yet published) keeps it too.
 */
final class QueryDurationChildren {
    /** The same idle time as the DNS client's per-address state. */
    static final Duration IDLE = Duration.ofMinutes(30);

    private final Histogram histogram;
    private final LongSupplier ticker;
    private final ConcurrentMap<String, Long> lastObserved = new ConcurrentHashMap<>();

    /** ticker: nanoseconds, like System.nanoTime. */
    QueryDurationChildren(Histogram histogram, LongSupplier ticker) {
        this.histogram = histogram;
        this.ticker = ticker;
    }

    /** address: a label value already guarded by {@link LabelValues}. */
    void observe(String address, double seconds) {
        // inside compute, so a removal of the same address cannot interleave and lose the child
        lastObserved.compute(address, (a, last) -> {
            histogram.labels(a).observe(seconds);
            return ticker.getAsLong();
        });
    }

    /** Removes the children of addresses not in the snapshot that had no observation for IDLE. */
    void retainFor(Snapshot snapshot) {
        retainFor(addresses(snapshot));
    }

    /** As above, for these current addresses (label values). */
    void retainFor(Set<String> current) {
        long now = ticker.getAsLong();
        for (String address : lastObserved.keySet()) {
            lastObserved.computeIfPresent(address, (a, last) -> {
                if (current.contains(a) || now - last < IDLE.toNanos()) {
                    return last;
                }
                histogram.remove(a);
                return null;
            });
        }
    }

    private static Set<String> addresses(Snapshot snapshot) {
        return snapshot.zones().values().stream()
                .flatMap(zone -> zone.servers().stream())
                .map(server -> LabelValues.name(server.address()))
                .collect(Collectors.toSet());
    }
}
