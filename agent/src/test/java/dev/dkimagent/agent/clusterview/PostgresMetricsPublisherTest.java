package dev.dkimagent.agent.clusterview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.MutableClock;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.metrics.FiringFinding;
import dev.dkimagent.agent.metrics.Fixtures;
import dev.dkimagent.agent.store.ClusterTables;
import dev.dkimagent.agent.store.Document;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.testworld.Postgres;
import dev.dkimagent.agent.testworld.PostgresCluster;
import dev.dkimagent.rules.matrix.Matrices;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.SesView;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes of a cluster in one JVM (each its own AgentMetrics and its own connections) on a real
 * PostgreSQL: only the node holding the metrics-publisher lease exposes the domain series, for
 * the zones every node judged; the lease moves when its holder goes quiet, and the old holder
 * drops its series.
 */
class PostgresMetricsPublisherTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofMinutes(20);
    private static final List<String> DOMAIN = List.of("dkim_record_ok", "dkim_record_not_judged",
            "dkim_record_ttl_seconds", "dkim_identity_info", "dkim_zone_discovered", "dkim_nameserver_up",
            "dkim_zone_soa_serial", "dkim_findings", "dkim_ses_dkim_status", "dkim_ses_signing_enabled",
            "dkim_ses_verification_deadline_timestamp_seconds");
    private static final List<FiringFinding> FIRING = List.of(
            FiringFinding.dns("example.com", "example.com", "DKIM01", "RECORD_MISSING", "error"));

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final Map<String, ZoneMatrix> matrices = Matrices.of(Fixtures.snapshot());
    private final AtomicReference<SesView> sesView = new AtomicReference<>(Fixtures.sesView());
    private String url;
    private Store store;
    private Node a;
    private Node b;

    /** One node: its registry, its publisher, its sweeps' sink, on its own connections. */
    private record Node(AgentMetrics metrics, MetricsPublisher publisher, SharedZones zones, BreakableDataSource db) {
    }

    @BeforeEach
    void openDatabase() throws Exception {
        url = POSTGRES.get().newDatabase();
        store = Store.open(url, Postgres.USER, "");
        try (Connection c = connect()) {
            ClusterFixture.createTables(c);
        }
        a = node("node-a");
        b = node("node-b");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Node node(String id) {
        BreakableDataSource db = new BreakableDataSource(url, Postgres.USER);
        ClusterTables tables = ClusterTables.on(db);
        AgentMetrics metrics = AgentMetrics.clustered("1.0", id);
        return new Node(metrics, new MetricsPublisher(tables, metrics, sesView::get, id, LEASE, RETENTION, clock),
                new SharedZones(tables, metrics, clock), db);
    }

    @Test
    void onlyTheLeaseHolder_exposesDomainSeries_forZonesJudgedByEitherNode() {
        a.publisher().tick();
        b.publisher().tick();
        b.zones().publishZone("example.com", only("example.com"), FIRING);
        a.zones().publishZone("broken.org", only("broken.org"), List.of());

        a.publisher().tick();
        b.publisher().tick();

        assertThat(domain(a)).isNotEmpty().isEqualTo(oneAgentShowing(Map.of("example.com", FIRING,
                "broken.org", List.of())));
        assertThat(domain(b)).isEmpty();
        assertThat(samples(a)).contains("dkim_cluster_metrics_publisher{node=\"node-a\",} 1.0");
        assertThat(samples(b)).contains("dkim_cluster_metrics_publisher{node=\"node-b\",} 0.0");
    }

    @Test
    void storesOwnTables_serveTheSameView() {
        AgentMetrics metrics = AgentMetrics.clustered("1.0", "node-s");
        MetricsPublisher viaStore = new MetricsPublisher(store.clusterTables(), metrics, sesView::get, "node-s", LEASE,
                RETENTION, clock);
        new SharedZones(store.clusterTables(), metrics, clock).publishZone("example.com", only("example.com"),
                FIRING);

        viaStore.tick();

        assertThat(domain(metrics)).isEqualTo(oneAgentShowing(Map.of("example.com", FIRING)));
    }

    @Test
    void holderGoesQuiet_anotherNodeTakesOverOnceTheLeaseExpires_andTheOldHolderClearsItsSeries() {
        a.publisher().tick();
        b.zones().publishZone("example.com", only("example.com"), FIRING);
        a.publisher().tick();
        List<String> shown = domain(a);

        clock.advance(LEASE.minusSeconds(1));
        b.publisher().tick();
        assertThat(domain(b)).as("lease not expired yet").isEmpty();

        clock.advance(Duration.ofSeconds(2));
        b.publisher().tick();
        assertThat(domain(b)).isNotEmpty().isEqualTo(shown);

        a.publisher().tick();
        assertThat(domain(a)).isEmpty();
        assertThat(samples(a)).contains("dkim_cluster_metrics_publisher{node=\"node-a\",} 0.0");
    }

    @Test
    void holderCutOffTheDatabase_keepsPublishingWhileItsLeaseRuns_thenClears_beforeAnotherTakesOver() {
        a.zones().publishZone("example.com", only("example.com"), FIRING);
        a.publisher().tick();
        a.db().cut(true);

        clock.advance(LEASE.dividedBy(3));
        a.publisher().tick();
        assertThat(domain(a)).as("lease still running").isNotEmpty();

        clock.advance(LEASE.minus(LEASE.dividedBy(3)).minusSeconds(1));
        a.publisher().tick();
        assertThat(domain(a)).as("within a second of the lease's end").isEmpty();
        b.publisher().tick();
        assertThat(domain(b)).as("a's lease not expired yet").isEmpty();

        clock.advance(Duration.ofSeconds(2));
        b.publisher().tick();
        assertThat(domain(b)).isEqualTo(oneAgentShowing(Map.of("example.com", FIRING)));
    }

    @Test
    void stop_releasesTheLease_soAnotherNodeTakesOverAtOnce() {
        a.zones().publishZone("example.com", only("example.com"), FIRING);
        a.publisher().tick();

        a.publisher().stop();
        b.publisher().tick();

        assertThat(domain(a)).isEmpty();
        assertThat(domain(b)).isEqualTo(oneAgentShowing(Map.of("example.com", FIRING)));
    }

    @Test
    void zoneNoSweepCovers_leavesAfterTheRetention_whileSweptZonesStay() {
        b.zones().publishZone("example.com", only("example.com"), FIRING);
        b.zones().publishZone("broken.org", only("broken.org"), List.of());
        a.publisher().tick();

        clock.advance(RETENTION.minusMinutes(1));
        b.zones().sweepCovered(Set.of("broken.org"), clock.instant(), false);
        clock.advance(Duration.ofMinutes(2));
        a.publisher().tick();

        assertThat(domain(a)).isNotEmpty().isEqualTo(oneAgentShowing(Map.of("broken.org", List.of())));
    }

    @Test
    void changedSeries_reachThePublisher_unchangedOnesAreNotReadAgain() {
        ClusterTables tables = ClusterTables.on(a.db());
        Document first = new Document(1, "{\"v\":1}");
        Instant t1 = clock.instant();
        tables.putZoneSeries("example.com", first, t1);
        tables.putZoneSeries("example.com", first, t1.plusSeconds(60));
        assertThat(tables.zoneSeriesChangedAfter(t1)).isEmpty();

        tables.putZoneSeries("example.com", new Document(1, "{\"v\":2}"), t1.plusSeconds(120));
        assertThat(tables.zoneSeriesChangedAfter(t1.plusSeconds(60))).singleElement()
                .satisfies(row -> assertThat(row.series().json()).isEqualTo("{\"v\":2}"));

        b.zones().publishZone("example.com", only("example.com"), FIRING);
        a.publisher().tick();
        b.zones().publishZone("example.com", only("example.com"), List.of());
        clock.advance(LEASE.dividedBy(3));
        a.publisher().tick();
        assertThat(domain(a)).isEqualTo(oneAgentShowing(Map.of("example.com", List.of())));
    }

    @Test
    void publisher_exportsLiveNodesAndShardRuns_fromTheClustersTables() throws Exception {
        Instant now = clock.instant();
        try (Connection c = connect()) {
            checkIn(c, "node-a", now.minusSeconds(5));
            checkIn(c, "node-b", now.minusSeconds(14));
            checkIn(c, "node-gone", now.minusSeconds(16));
            shard(c, 0, "node-a", now.minusSeconds(60), now.minusSeconds(50), true);
            shard(c, 1, "node-b", now.minusSeconds(10), null, null);
        }

        a.publisher().tick();
        b.publisher().tick();

        assertThat(samples(a)).filteredOn(l -> l.startsWith("dkim_cluster_")).containsExactly(
                "dkim_cluster_metrics_publisher{node=\"node-a\",} 1.0",
                "dkim_cluster_node_info{node=\"node-a\",} 1.0",
                "dkim_cluster_nodes 2.0",
                "dkim_cluster_shard_last_run_success{shard=\"0\",} 1.0",
                "dkim_cluster_shard_last_run_timestamp_seconds{shard=\"0\",} " + (double) now.minusSeconds(50)
                        .getEpochSecond(),
                "dkim_cluster_shard_node_info{shard=\"0\",node=\"node-a\",} 1.0",
                "dkim_cluster_shard_node_info{shard=\"1\",node=\"node-b\",} 1.0");
        assertThat(samples(b)).filteredOn(l -> l.startsWith("dkim_cluster_")).containsExactly(
                "dkim_cluster_metrics_publisher{node=\"node-b\",} 0.0",
                "dkim_cluster_node_info{node=\"node-b\",} 1.0");
    }

    private Map<String, ZoneMatrix> only(String zone) {
        return Map.of(zone, matrices.get(zone));
    }

    /** The domain series one agent (single mode) shows for these zones and the SES view. */
    private List<String> oneAgentShowing(Map<String, List<FiringFinding>> zones) {
        AgentMetrics single = new AgentMetrics("1.0");
        zones.forEach((zone, firing) -> single.publishZone(zone, only(zone), firing));
        single.publishSes(sesView.get());
        return domain(single);
    }

    private static void checkIn(Connection c, String node, Instant at) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qrtz_scheduler_state (sched_name, instance_name, "
                + "last_checkin_time, checkin_interval) VALUES ('dkim-agent', ?, ?, 7500)")) {
            ps.setString(1, node);
            ps.setLong(2, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static void shard(Connection c, int shard, String node, Instant started, Instant finished, Boolean ok)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_shard (shard, node_id, started_at, "
                + "finished_at, zones, ok) VALUES (?, ?, ?, ?, 3, ?)")) {
            ps.setInt(1, shard);
            ps.setString(2, node);
            ps.setTimestamp(3, Timestamp.from(started));
            ps.setTimestamp(4, finished == null ? null : Timestamp.from(finished));
            ps.setObject(5, ok);
            ps.executeUpdate();
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url, Postgres.USER, "");
    }

    private static List<String> domain(Node node) {
        return domain(node.metrics());
    }

    private static List<String> domain(AgentMetrics metrics) {
        return samples(metrics).stream().filter(l -> DOMAIN.contains(l.split("[{ ]")[0])).toList();
    }

    private static List<String> samples(Node node) {
        return samples(node.metrics());
    }

    private static List<String> samples(AgentMetrics metrics) {
        CollectorRegistry registry = metrics.registry();
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().lines().filter(l -> !l.startsWith("#")).sorted().toList();
    }
}
