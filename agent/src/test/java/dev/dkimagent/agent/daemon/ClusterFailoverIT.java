package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.testworld.Ports;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static dev.dkimagent.agent.testworld.WorldData.MYCOMPANY;
import static dev.dkimagent.agent.testworld.WorldData.MYCOMPANY_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.testworld.DkimWorld;
import dev.dkimagent.agent.testworld.Postgres;
import dev.dkimagent.agent.testworld.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three agents (the real jar) in cluster mode on one real PostgreSQL and the NSD world: they share
 * the shards; kill -9 the node that last ran a shard holding zones, and another node checks those
 * zones again within two DNS intervals plus the check-in interval. A single-mode agent on the
 * cluster's database is refused (exit 3).
 *
 * <p>Run inside {@code unshare -n} (the world binds 127.63.0.x:53).
 */
class ClusterFailoverIT {
    private static final String PREFIX = "127.63.0";
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration CHECK_IN = Duration.ofSeconds(2);
    private static final int SHARDS = 4;
    /**
     * Longer than it takes to notice a dead node (its check-in interval plus Quartz's fixed 7.5 s),
     * so the shard trigger the dead node had acquired fires as soon as it is handed back, instead
     * of counting as missed and waiting for its next interval (the default, 60 s, is longer too).
     */
    private static final Duration MISFIRE = Duration.ofSeconds(15);
    /** Every shard with zones has run once on some node: one interval (staggered) plus a first sweep. */
    private static final Duration FIRST_RUNS_LIMIT = INTERVAL.multipliedBy(4);
    /** How long a shard run of two zones may take on a loaded machine, on top of the bound below. */
    private static final Duration RUN_ALLOWANCE = Duration.ofSeconds(10);

    private DkimWorld dns;
    private Postgres postgres;
    private Path dir;
    private String stateUrl;
    private final Map<String, AgentProcess> nodes = new LinkedHashMap<>();
    private final List<AgentProcess> all = new ArrayList<>();

    @AfterEach
    void stop() {
        all.forEach(AgentProcess::close);
        if (dns != null) {
            dns.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (dir != null) {
            TempFiles.deleteRecursively(dir);
        }
    }

    @Test
    void killingTheNodeThatRanAShard_itsZonesAreCheckedAgainByAnotherNode_andASingleModeAgentIsRefused()
            throws Exception {
        postgres = Postgres.start();
        stateUrl = postgres.newDatabase();
        dns = DkimWorld.builder().prefix(PREFIX).start();
        dir = TempFiles.createDirectory("dkim-agent-cluster-");
        for (String node : List.of("node-1", "node-2", "node-3")) {
            nodes.put(node, start(node, true));
        }
        for (AgentProcess agent : nodes.values()) {
            agent.awaitReady();
        }

        await("every shard holding zones has run").atMost(FIRST_RUNS_LIMIT).pollInterval(Duration.ofMillis(500))
                .until(() -> shardsWithZones().size() == expectedShardsWithZones());
        ShardRow victim = shardsWithZones().get(0);
        AgentProcess killed = nodes.get(victim.node());
        assertThat(killed).as("cluster_shard names one of the nodes: " + victim).isNotNull();

        killed.kill9();
        Instant killedAt = Instant.now();

        Duration bound = INTERVAL.multipliedBy(2).plus(CHECK_IN);
        await("shard " + victim.shard() + " started again by another node").atMost(bound)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> shard(victim.shard()).filter(r -> !r.node().equals(victim.node())
                        && r.startedAt().isAfter(killedAt)).isPresent());
        await("shard " + victim.shard() + " finished on that node").atMost(RUN_ALLOWANCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> shard(victim.shard()).filter(r -> !r.node().equals(victim.node())
                        && r.finishedAt() != null && r.finishedAt().isAfter(killedAt) && r.ok()).isPresent());
        ShardRow again = shard(victim.shard()).orElseThrow();
        System.out.printf("shard %d (%d zones): %s killed, %s started it again %s later%n", victim.shard(),
                victim.zones(), victim.node(), again.node(), Duration.between(killedAt, again.startedAt()));
        assertThat(again.zones()).isEqualTo(victim.zones());
        for (Map.Entry<String, AgentProcess> node : nodes.entrySet()) {
            if (node.getValue() != killed) {
                assertThat(node.getValue().isAlive()).as(node.getKey() + " still runs").isTrue();
                assertThat(node.getValue().output()).as(node.getKey() + " logged no error").doesNotContain("[ERROR]");
            }
        }

        AgentProcess single = start("single", false);
        assertThat(single.awaitExit()).as(single.output()).isEqualTo(3);
        assertThat(single.output()).contains("dkim-agents in cluster mode (cluster.enabled = true) share the state");
    }

    /** The shards whose zones hash there, as every node computes it. */
    private static int expectedShardsWithZones() {
        return (int) List.of(MYCOMPANY, HEALTHY).stream()
                .map(z -> dev.dkimagent.agent.cluster.Shards.of(z, SHARDS)).distinct().count();
    }

    /** One cluster_shard row. */
    record ShardRow(int shard, String node, Instant startedAt, Instant finishedAt, int zones, boolean ok) {
    }

    /** The rows of shards that ran with zones, finished, the latest start first. */
    private List<ShardRow> shardsWithZones() throws SQLException {
        return rows("SELECT shard, node_id, started_at, finished_at, zones, ok FROM cluster_shard"
                + " WHERE zones > 0 AND finished_at >= started_at ORDER BY started_at DESC");
    }

    private Optional<ShardRow> shard(int shard) throws SQLException {
        return rows("SELECT shard, node_id, started_at, finished_at, zones, ok FROM cluster_shard WHERE shard = "
                + shard).stream().findFirst();
    }

    private List<ShardRow> rows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(stateUrl, Postgres.USER, "");
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<ShardRow> out = new ArrayList<>();
            while (rs.next()) {
                java.sql.Timestamp finished = rs.getTimestamp(4);
                out.add(new ShardRow(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        finished == null ? null : finished.toInstant(), rs.getInt(5), rs.getBoolean(6)));
            }
            return out;
        }
    }

    private AgentProcess start(String node, boolean cluster) {
        int port = Ports.freeLoopback();
        Path config = dir.resolve(node + ".conf");
        String hocon = """
                dkim-agent {
                  dns { resolvers = ["%s"], timeout = 1s, attempts = 2, ipv6 = false }
                  identities = [
                    { domain = "%s", tokens = [%s] }
                    { domain = "%s", tokens = [%s] }
                  ]
                  schedule { dns-interval = %ds }
                  state { url = "%s", user = "%s" }
                  http { bind = "127.0.0.1", port = %d }
                  cluster {
                    enabled = %s
                    shards = %d
                    node-id = "%s"
                    check-in-interval = %ds
                    misfire-threshold = %ds
                  }
                }
                """.formatted(dns.resolverAddress(), MYCOMPANY, quoted(MYCOMPANY_TOKENS), HEALTHY,
                quoted(HEALTHY_TOKENS), INTERVAL.toSeconds(), stateUrl, Postgres.USER, port, cluster, SHARDS, node,
                CHECK_IN.toSeconds(), MISFIRE.toSeconds());
        try {
            Files.writeString(config, hocon);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AgentProcess agent = AgentProcess.start(config, port, Map.of(), dir.resolve(node + ".out"));
        all.add(agent);
        return agent;
    }

    private static String quoted(List<String> tokens) {
        return String.join(", ", tokens.stream().map(t -> "\"" + t + "\"").toList());
    }

}
