package dev.dkimagent.agent.config;

import java.time.Duration;

/**
 * {@code dkim-agent.cluster}: several agents sharing one PostgreSQL state database.
 *
 * @param enabled         cluster mode (needs {@code state.url} on PostgreSQL); off = one agent per state
 * @param shards          how many parts the zones are hashed into; each part is one cluster-wide job
 * @param nodeId          this agent's name in the cluster (Quartz instance id, the {@code node} label);
 *                        never empty: "" in the file means the host name and process id
 * @param checkInInterval how often a node tells the others it is alive (Quartz cluster check-in)
 * @param misfireThreshold how late a job may start before Quartz counts the firing as missed
 * @param lease           how long a claim (an outbox message being sent, the metrics publisher) is
 *                        held by a node that stopped renewing it before another node may take it
 */
public record ClusterSettings(boolean enabled, int shards, String nodeId, Duration checkInInterval,
                              Duration misfireThreshold, Duration lease) {

    /** The single-node default (what an absent section means). */
    public static ClusterSettings single(String nodeId) {
        return new ClusterSettings(false, 16, nodeId, Duration.ofMillis(7500), Duration.ofSeconds(60),
                Duration.ofSeconds(30));
    }
}
