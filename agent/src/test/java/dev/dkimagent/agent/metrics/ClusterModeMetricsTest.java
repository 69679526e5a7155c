package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkimagent.rules.matrix.Matrices;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AgentMetrics in cluster mode: domain series only from the shared view, and the cluster families. */
class ClusterModeMetricsTest {
    /** Families that must be one series per record, zone, finding and SES identity across the cluster. */
    static final List<String> DOMAIN = List.of("dkim_record_ok", "dkim_record_not_judged", "dkim_record_ttl_seconds",
            "dkim_identity_info", "dkim_zone_discovered", "dkim_nameserver_up", "dkim_zone_soa_serial", "dkim_findings",
            "dkim_ses_dkim_status", "dkim_ses_signing_enabled", "dkim_ses_verification_deadline_timestamp_seconds");
    private static final List<FiringFinding> FIRING = List.of(
            FiringFinding.dns("example.com", "example.com", "DKIM01", "RECORD_MISSING", "error"),
            FiringFinding.dns("example.com", "example.com", "DKIM01", "RECORD_MISSING", "error"),
            FiringFinding.dns("", "example.com", "NS02", "LAME_DELEGATION", "warning"));

    private final AgentMetrics node = AgentMetrics.clustered("1.0", "node-a");
    private final Map<String, ZoneMatrix> matrices = Matrices.of(snapshot());

    @Test
    void clustered_ownSweepsAndScans_publishNoDomainSeries() {
        node.publishZone("example.com", matrices, FIRING);
        node.publishSnapshot(snapshot());
        node.publishSes(sesView());
        node.publishFiring(FIRING);

        assertThat(domainSamples(node)).isEmpty();
        assertThat(Exposition.samples(node.registry())).contains(
                "dkim_cluster_node_info{node=\"node-a\",} 1.0",
                "dkim_cluster_metrics_publisher{node=\"node-a\",} 0.0");
    }

    @Test
    void sharedZone_readBackFromItsDocument_showsWhatOneAgentShowsForIt() {
        AgentMetrics single = new AgentMetrics("1.0");
        single.publishZone("example.com", matrices, FIRING);
        single.publishSes(sesView());

        AgentMetrics judging = AgentMetrics.clustered("1.0", "node-b");
        node.publishSharedZone("example.com", judging.zoneDocument(matrices, FIRING));
        node.publishSharedSes(sesView());

        assertThat(domainSamples(node)).isNotEmpty().isEqualTo(domainSamples(single));
        assertThat(domainSamples(node)).contains("dkim_findings{identity=\"example.com\",zone=\"example.com\","
                + "account=\"\",region=\"\",rule=\"DKIM01\",tag=\"RECORD_MISSING\",level=\"error\",severity=\"error\",} 2.0");
    }

    @Test
    void retainSharedZones_dropsZonesGoneFromTheSharedView() {
        node.publishSharedZone("example.com", node.zoneDocument(matrices, FIRING));
        node.publishSharedZone("other.org", node.zoneDocument(Map.of(), List.of(
                FiringFinding.dns("", "other.org", "NS01", "NO_NAMESERVERS", "error"))));

        node.retainSharedZones(Set.of("other.org"));

        assertThat(domainSamples(node)).singleElement().asString().contains("zone=\"other.org\"");
    }

    @Test
    void clearShared_dropsEveryDomainAndClusterWideSeries() {
        node.metricsPublisher(true);
        node.publishSharedZone("example.com", node.zoneDocument(matrices, FIRING));
        node.publishSharedSes(sesView());
        node.publishClusterState(3, List.of(new ShardRun(0, "node-a", Instant.ofEpochSecond(100), true)));

        node.clearShared();

        assertThat(domainSamples(node)).isEmpty();
        assertThat(Exposition.samples(node.registry())).filteredOn(l -> l.startsWith("dkim_cluster_"))
                .containsExactly("dkim_cluster_metrics_publisher{node=\"node-a\",} 0.0",
                        "dkim_cluster_node_info{node=\"node-a\",} 1.0");
    }

    @Test
    void publishClusterState_nodesAndEachShardsLastRun() {
        node.metricsPublisher(true);
        node.publishClusterState(2, List.of(new ShardRun(0, "node-a", Instant.ofEpochSecond(1_700_000_000), true),
                new ShardRun(1, "node-b", Instant.ofEpochMilli(1_700_000_001_500L), false),
                new ShardRun(2, "node-b", null, null), new ShardRun(3, null, null, null)));

        assertThat(Exposition.samples(node.registry())).filteredOn(l -> l.startsWith("dkim_cluster_")).containsExactly(
                "dkim_cluster_metrics_publisher{node=\"node-a\",} 1.0",
                "dkim_cluster_node_info{node=\"node-a\",} 1.0",
                "dkim_cluster_nodes 2.0",
                "dkim_cluster_shard_last_run_success{shard=\"0\",} 1.0",
                "dkim_cluster_shard_last_run_success{shard=\"1\",} 0.0",
                "dkim_cluster_shard_last_run_timestamp_seconds{shard=\"0\",} 1.7E9",
                "dkim_cluster_shard_last_run_timestamp_seconds{shard=\"1\",} 1.7000000015E9",
                "dkim_cluster_shard_node_info{shard=\"0\",node=\"node-a\",} 1.0",
                "dkim_cluster_shard_node_info{shard=\"1\",node=\"node-b\",} 1.0",
                "dkim_cluster_shard_node_info{shard=\"2\",node=\"node-b\",} 1.0");
    }

    @Test
    void publishSharedZone_unknownFormat_isRefused_andTheZoneKeepsItsSeries() {
        node.publishSharedZone("example.com", node.zoneDocument(matrices, FIRING));
        List<String> before = domainSamples(node);
        String json = node.zoneDocument(Map.of(), List.of()).json();

        assertThatThrownBy(() -> node.publishSharedZone("example.com", new SeriesDocument(2, json)))
                .hasMessageContaining("format 2 is not known");
        assertThatThrownBy(() -> node.publishSharedZone("example.com",
                new SeriesDocument(1, json.replace("dkim_record_ok", "dkim_record_fine"))))
                .hasMessageContaining("expected family dkim_record_ok");
        assertThatThrownBy(() -> node.publishSharedZone("example.com", new SeriesDocument(1, "{\"families\":[")))
                .hasMessageContaining("not JSON");
        assertThat(domainSamples(node)).isEqualTo(before);
    }

    @Test
    void outboxGauges_theClustersOutbox_areShownByThePublishingNodeOnly() {
        node.outboxPending(() -> 4);
        node.outboxHeld(() -> 1);
        assertThat(Exposition.samples(node.registry())).noneMatch(l -> l.startsWith("dkim_notification_outbox_"));

        node.metricsPublisher(true);

        assertThat(Exposition.samples(node.registry())).filteredOn(l -> l.startsWith("dkim_notification_outbox_"))
                .containsExactly("dkim_notification_outbox_held 1.0", "dkim_notification_outbox_pending 4.0");
    }

    @Test
    void sharedView_isForClusterModeOnly() {
        AgentMetrics single = new AgentMetrics("1.0");
        assertThatThrownBy(() -> single.publishSharedSes(sesView())).isInstanceOf(IllegalStateException.class);
        assertThat(Exposition.samples(single.registry())).noneMatch(l -> l.startsWith("dkim_cluster_"));
    }

    /** The sample lines of the domain families, sorted as exposed. */
    static List<String> domainSamples(AgentMetrics metrics) {
        return Exposition.samples(metrics.registry()).stream()
                .filter(l -> DOMAIN.stream().anyMatch(f -> Arrays.asList(l.split("[{ ]")).get(0).equals(f)))
                .toList();
    }
}
