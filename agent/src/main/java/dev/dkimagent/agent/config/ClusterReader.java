package dev.dkimagent.agent.config;

import com.typesafe.config.Config;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/** Reads {@code dkim-agent.cluster}; cluster mode needs the state on PostgreSQL. */
final class ClusterReader {
    static final String PATH = "dkim-agent.cluster";
    static final int MAX_SHARDS = 1024;
    private static final Duration MIN_TICK = Duration.ofSeconds(1);
    private static final Duration MIN_LEASE = Duration.ofSeconds(5);
    private static final int MAX_NODE_ID = 50;

    private ClusterReader() {
    }

    /** The cluster settings, or null when the section is not an object (a problem is then reported). */
    static ClusterSettings read(Node cluster, Config reference, StateSettings state) {
        if (!cluster.requireObject("an object with the cluster settings")) {
            return null;
        }
        KnownKeys.check(cluster, reference.getObject(PATH).keySet());
        Node enabledNode = cluster.child("enabled");
        boolean enabled = enabledNode.bool().orElse(false);
        if (enabled && state != null && state.url() != null && !state.url().startsWith("jdbc:postgresql:")) {
            enabledNode.problem("cluster mode needs dkim-agent.state.url on PostgreSQL (\"jdbc:postgresql:...\"):"
                    + " an H2 file belongs to one agent");
        }
        int shards = shards(cluster.child("shards"));
        String nodeId = nodeId(cluster.child("node-id"));
        Duration checkIn = cluster.child("check-in-interval").durationAtLeast(MIN_TICK, "1s").orElse(null);
        Duration misfire = cluster.child("misfire-threshold").durationAtLeast(MIN_TICK, "1s").orElse(null);
        Duration lease = cluster.child("lease").durationAtLeast(MIN_LEASE, "5s").orElse(null);
        return new ClusterSettings(enabled, shards, nodeId, checkIn, misfire, lease);
    }

    private static int shards(Node node) {
        int shards = node.intAtLeast(1).orElse(16);
        if (shards > MAX_SHARDS) {
            node.problem("expected at most " + MAX_SHARDS + " shards, got " + shards);
        }
        return shards;
    }

    private static String nodeId(Node node) {
        String id = node.string("a node name, or \"\" for the host name and process id").orElse("");
        if (id.isEmpty()) {
            return defaultNodeId();
        }
        if (id.length() > MAX_NODE_ID || !id.matches("[A-Za-z0-9._-]+")) {
            node.problem("expected at most " + MAX_NODE_ID + " letters, digits, '.', '_' or '-', got '"
                    + Shown.value(id) + "'");
        }
        return id;
    }

    /** host-pid: unique per process on a host, stable for its life, readable in logs and labels. */
    static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String safe = host.replaceAll("[^A-Za-z0-9._-]", "_");
        String id = safe + "-" + ProcessHandle.current().pid();
        return id.length() <= MAX_NODE_ID ? id : id.substring(id.length() - MAX_NODE_ID);
    }
}
