package dev.dkimagent.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.MutableClock;
import dev.dkimagent.agent.clusterview.MetricsPublisher;
import dev.dkimagent.rules.model.SesView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's pipeline as a node of a cluster: a sweep publishes nothing of its zones on the
 * node itself, and the node holding the metrics-publisher lease shows, from the shared view,
 * exactly what one agent shows after the same sweeps.
 */
class ClusterPublishTest {
    private static final String A = "a.test";
    private static final String B = "b.test";
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofMinutes(20);
    private static final Set<String> DOMAIN = Set.of("dkim_record_ok", "dkim_record_not_judged",
            "dkim_record_ttl_seconds", "dkim_identity_info", "dkim_zone_discovered", "dkim_nameserver_up",
            "dkim_zone_soa_serial", "dkim_findings");

    @TempDir
    Path single;
    @TempDir
    Path node;

    private static final ZoneProbing A_BROKEN = (work, at) -> PipelineFixture.observed(work, at, !work.apex().equals(A));

    @Test
    void sweeps_onANode_publishNothingThere_thePublisherShowsWhatOneAgentShows() throws Exception {
        try (PipelineFixture one = new PipelineFixture(single, A_BROKEN, GENEROUS, 2, List.of(A, B));
             PipelineFixture clustered = new PipelineFixture(node, A_BROKEN, GENEROUS, 2, List.of(A, B), true)) {
            for (int i = 0; i < 2; i++) {
                one.sweep.runOnce();
                clustered.sweep.runOnce();
            }
            assertThat(domain(clustered)).as("before the publisher reads the shared view").isEmpty();

            publisher(clustered, clustered.clock).tick();

            assertThat(domain(one)).anyMatch(l -> l.startsWith("dkim_findings{") && l.contains("zone=\"a.test\""));
            assertThat(domain(clustered)).isEqualTo(domain(one));
        }
    }

    @Test
    void zoneThatLeftTheInventory_leavesThePublishersView_afterTheRetention() throws Exception {
        try (PipelineFixture clustered = new PipelineFixture(node, A_BROKEN, GENEROUS, 2, List.of(A, B), true)) {
            clustered.sweep.runOnce();
            clustered.drop(A);
            clustered.clock.advance(RETENTION.minusMinutes(1));
            clustered.sweep.runOnce();
            MetricsPublisher publisher = publisher(clustered, clustered.clock);
            publisher.tick();
            assertThat(domain(clustered)).anyMatch(l -> l.contains("a.test"));

            clustered.clock.advance(Duration.ofMinutes(2));
            publisher.tick();

            assertThat(domain(clustered)).isNotEmpty().noneMatch(l -> l.contains("a.test"));
        }
    }

    private static MetricsPublisher publisher(PipelineFixture f, MutableClock clock) {
        return new MetricsPublisher(f.store.clusterTables(), f.metrics, SesView::empty, "node-1", LEASE, RETENTION,
                clock);
    }

    private static List<String> domain(PipelineFixture f) {
        return f.metricsText().lines().filter(l -> !l.startsWith("#"))
                .filter(l -> DOMAIN.contains(l.split("[{ ]")[0])).sorted().toList();
    }
}
