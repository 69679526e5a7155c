package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.testworld.Ports;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_SERIAL;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static dev.dkimagent.agent.testworld.WorldData.RECORD_TTL;

import dev.dkimagent.agent.alert.slack.SlackStub;
import dev.dkimagent.agent.cluster.Shards;
import dev.dkimagent.agent.testworld.DkimWorld;
import dev.dkimagent.agent.testworld.Postgres;
import dev.dkimagent.agent.testworld.TempFiles;
import dev.dkimagent.agent.testworld.WorldZones;
import dev.dkimagent.agent.testworld.ZoneText;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Several real agent processes in cluster mode on one throwaway PostgreSQL, the DNS world on its
 * own prefix and the Slack stub (webhook). Each node has a name ({@code agent-1} ...), its own
 * config file and a metrics port that it keeps across restarts; the world starts, kills (-9) and
 * restarts nodes by name and reads their endpoints through {@link AgentProcess}. Short timings so
 * a fault test fits in minutes: sweeps every 10 s, check-in 2 s, lease 5 s, 4 shards.
 *
 * <p>The identity watched is healthy.test (static configuration, no SES); {@link #breakRecord}
 * and {@link #restoreRecords} edit what ns3 serves.
 */
final class ClusterWorld implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final Duration CHECK_IN = Duration.ofSeconds(2);
    static final Duration LEASE = Duration.ofSeconds(5);
    static final int SHARDS = 4;

    private final DkimWorld dns;
    private final SlackStub slack;
    private final Postgres postgres;
    private final String stateUrl;
    private final Path dir;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<AgentProcess> started = new ArrayList<>();

    /** A node: its port and settings stay; its process changes with each (re)start. */
    private static final class Node {
        final int port;
        final Path config;
        AgentProcess process;
        int starts;

        Node(int port, Path config) {
            this.port = port;
            this.config = config;
        }
    }

    private ClusterWorld(DkimWorld dns, SlackStub slack, Postgres postgres, Path dir) {
        this.dns = dns;
        this.slack = slack;
        this.postgres = postgres;
        this.dir = dir;
        this.stateUrl = postgres.newDatabase();
    }

    /** Starts PostgreSQL, the DNS world on {@code prefix} (e.g. "127.64.0") and the Slack stub. */
    static ClusterWorld open(String prefix) {
        Postgres postgres = Postgres.start();
        DkimWorld dns = null;
        try {
            dns = DkimWorld.builder().prefix(prefix).start();
            return new ClusterWorld(dns, SlackStub.start(), postgres, TempFiles.createDirectory("dkim-cluster-"));
        } catch (RuntimeException e) {
            if (dns != null) {
                dns.close();
            }
            postgres.close();
            throw e;
        }
    }

    DkimWorld dns() {
        return dns;
    }

    SlackStub slack() {
        return slack;
    }

    Postgres postgres() {
        return postgres;
    }

    /** The JDBC URL of the database every node shares (user {@link Postgres#USER}, no password). */
    String stateUrl() {
        return stateUrl;
    }

    /**
     * When the shard holding {@code zone} last finished a run, as cluster_shard says (EPOCH before
     * its first): a run finished after a change has judged the zone with it.
     */
    Instant shardFinished(String zone) throws SQLException {
        try (Connection c = DriverManager.getConnection(stateUrl, Postgres.USER, "");
             PreparedStatement ps = c.prepareStatement("SELECT finished_at FROM cluster_shard WHERE shard = ?")) {
            ps.setInt(1, Shards.of(zone, SHARDS));
            try (ResultSet rs = ps.executeQuery()) {
                OffsetDateTime at = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                return at == null ? Instant.EPOCH : at.toInstant();
            }
        }
    }

    /** Starts node {@code name} with the shared settings (does not wait for it to be ready). */
    AgentProcess start(String name) {
        return start(name, "");
    }

    /**
     * Starts node {@code name} with {@code extraHocon} added inside {@code dkim-agent { }} (e.g. another
     * rule level); a node started before keeps its port and settings and ignores {@code extraHocon}.
     */
    AgentProcess start(String name, String extraHocon) {
        Node node = nodes.get(name);
        if (node == null) {
            int port = Ports.freeLoopback();
            node = new Node(port, writeConfig(name, port, extraHocon));
            nodes.put(name, node);
        }
        if (node.process != null && node.process.isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        node.starts++;
        Path output = dir.resolve(name + "-" + node.starts + ".out");
        node.process = AgentProcess.start(node.config, node.port, Map.of(), output);
        started.add(node.process);
        return node.process;
    }

    /** SIGKILL of the node's process: no shutdown hook, its claims and triggers are left behind. */
    void kill9(String name) {
        node(name).kill9();
    }

    /** Kills the node (-9) and starts it again on the same port and settings; does not wait for it. */
    AgentProcess killAndRestart(String name) {
        kill9(name);
        return start(name);
    }

    /** The node's current process. */
    AgentProcess node(String name) {
        Node node = nodes.get(name);
        if (node == null || node.process == null) {
            throw new IllegalArgumentException("no node " + name + "; started: " + nodes.keySet());
        }
        return node.process;
    }

    List<String> names() {
        return List.copyOf(nodes.keySet());
    }

    /** ns3 stops serving {@code token}'s CNAME of healthy.test (same serial: only the record differs). */
    void breakRecord(String token) {
        ZoneText zone = WorldZones.skeleton(dns.prefix(), HEALTHY, HEALTHY_SERIAL);
        HEALTHY_TOKENS.stream().filter(t -> !t.equals(token)).forEach(t -> zone.dkimCname(t, RECORD_TTL));
        dns.nameserver("ns3").replaceZone(HEALTHY, zone.render());
        dns.nameserver("ns3").restart();
    }

    /** ns3 serves healthy.test as every other server does again. */
    void restoreRecords() {
        dns.nameserver("ns3").replaceZone(HEALTHY, WorldZones.healthy(dns.prefix()).render());
        dns.nameserver("ns3").restart();
    }

    /** For failure messages: the Slack posts and every node's output so far. */
    String describe() {
        return "--- Slack ---\n" + WebhookMessages.describe(slack) + started.stream()
                .map(p -> "--- agent " + p.pid() + " ---\n" + p.output()).collect(Collectors.joining("\n"));
    }

    private Path writeConfig(String name, int port, String extraHocon) {
        String tokens = HEALTHY_TOKENS.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
        String hocon = """
                dkim-agent {
                  dns { resolvers = ["%s"], timeout = 1s, attempts = 2, ipv6 = false }
                  identities = [ { domain = "%s", tokens = [%s] } ]
                  schedule { dns-interval = %ds }
                  alerting {
                    firing-after = 2
                    resolve-after = 1
                    slack.webhook-url = "%s"
                  }
                  state { url = "%s", user = "%s" }
                  cluster {
                    enabled = true
                    shards = %d
                    node-id = "%s"
                    check-in-interval = %ds
                    lease = %ds
                  }
                  http { bind = "127.0.0.1", port = %d }
                  %s
                }
                """.formatted(dns.resolverAddress(), HEALTHY, tokens, INTERVAL.toSeconds(), slack.webhookUrl(),
                stateUrl, Postgres.USER, SHARDS, name, CHECK_IN.toSeconds(), LEASE.toSeconds(), port,
                extraHocon);
        try {
            return Files.writeString(dir.resolve(name + ".conf"), hocon);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** Kills every node still running, then the stub, the DNS world and PostgreSQL; deletes the files. */
    @Override
    public void close() {
        started.forEach(AgentProcess::close);
        slack.close();
        dns.close();
        postgres.close();
        TempFiles.deleteRecursively(dir);
    }
}
