package dev.dkimagent.agent.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether this agent shares its outbox with other agents (cluster mode), and on what terms.
 *
 * @param nodeId this agent's name in the cluster ({@code cluster.node-id}); null in single mode
 * @param lease  how long a claim on a message outlives the last renewal ({@code cluster.lease}): a node
 *               that dies is taken over after this
 */
public record ClaimPolicy(String nodeId, Duration lease) {

    /** Claims per round: small, so that the nodes of a cluster share a backlog between them. */
    static final int BATCH = 10;

    public ClaimPolicy {
        if (nodeId != null) {
            Objects.requireNonNull(lease, "lease");
            if (nodeId.isEmpty() || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("a cluster claim policy needs a node id and a positive lease");
            }
        }
    }

    /** One agent per state: nothing is claimed (what the dispatcher always did). */
    public static ClaimPolicy single() {
        return new ClaimPolicy(null, null);
    }

    /** Several agents drain one outbox: each claims a message before it sends it. */
    public static ClaimPolicy cluster(String nodeId, Duration lease) {
        return new ClaimPolicy(Objects.requireNonNull(nodeId, "nodeId"), lease);
    }

    /** From {@code cluster.enabled}, {@code cluster.node-id} and {@code cluster.lease}. */
    public static ClaimPolicy of(boolean clusterEnabled, String nodeId, Duration lease) {
        return clusterEnabled ? cluster(nodeId, lease) : single();
    }

    public boolean clustered() {
        return nodeId != null;
    }
}
