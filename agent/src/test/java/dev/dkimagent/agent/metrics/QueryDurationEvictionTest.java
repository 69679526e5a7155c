package dev.dkimagent.agent.metrics;

import dev.dkimagent.agent.wiring.QueryMetrics;
import static dev.dkimagent.agent.metrics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.dns.QueryEvent;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** dkim_nameserver_query_duration_seconds{address} series go away once their address is gone and idle. */
class QueryDurationEvictionTest {
    private static final String DURATION_COUNT = "dkim_nameserver_query_duration_seconds_count{";

    private final AtomicLong nanos = new AtomicLong(-7_000L);
    private final AgentMetrics metrics = new AgentMetrics("0.1.0", nanos::get);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private void replyFrom(String address) {
        QueryMetrics.feeding(metrics).accept(new QueryEvent(address, "CNAME", "noerror", 4, false));
    }

    private boolean exposes(String address) {
        return Exposition.samples(metrics.registry()).stream()
                .anyMatch(l -> l.startsWith(DURATION_COUNT) && l.contains("address=\"" + address + "\""));
    }

    /** example.com now served by NS1 only: NS2 left the NS set. */
    private static Snapshot withoutNs2() {
        ZoneView zone = new ZoneView("example.com", List.of(NS1), Set.of("ns1.example.com"), Set.of(), false, null);
        return new Snapshot(AT, List.of(), Map.of("example.com", zone), Map.of(), Map.of(), Map.of());
    }

    @Test
    void publishSnapshot_addressGoneFromSnapshotAndIdle_removesItsSeries() {
        replyFrom(NS1.address());
        replyFrom(NS2.address());
        metrics.publishSnapshot(snapshot());

        metrics.publishSnapshot(withoutNs2());
        assertThat(exposes(NS2.address())).as("queried moments ago: kept").isTrue();

        advance(QueryDurationChildren.IDLE);
        metrics.publishSnapshot(withoutNs2());

        assertThat(exposes(NS2.address())).isFalse();
        assertThat(exposes(NS1.address())).as("still in the snapshot, though idle").isTrue();
    }

    @Test
    void publishSnapshot_addressGoneButQueriedWithinIdleTime_keepsItsSeries() {
        replyFrom(NS2.address());
        advance(QueryDurationChildren.IDLE.minusMinutes(1));
        replyFrom(NS2.address());

        advance(Duration.ofMinutes(2));
        metrics.publishSnapshot(withoutNs2());

        assertThat(exposes(NS2.address())).isTrue();
    }

    @Test
    void dnsQuery_afterRemoval_startsTheSeriesAfresh() {
        replyFrom(NS2.address());
        replyFrom(NS2.address());
        advance(QueryDurationChildren.IDLE);
        metrics.publishSnapshot(withoutNs2());

        replyFrom(NS2.address());

        assertThat(Exposition.samples(metrics.registry()))
                .contains(DURATION_COUNT + "address=\"" + NS2.address() + "\",} 1.0");
    }
}
