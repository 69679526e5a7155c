package dev.dkimagent.agent.cluster;

import java.time.Instant;

/**
 * One node as {@code cluster_node} records it.
 *
 * @param nodeId     {@code cluster.node-id}
 * @param version    the agent version it runs
 * @param configHash its {@link ConfigHash#sha256()}
 * @param startedAt  when its process started
 * @param seenAt     its last check-in
 */
public record NodeRow(String nodeId, String version, String configHash, Instant startedAt, Instant seenAt) {

    /** True when this node would judge differently from {@code hash}: another version or other settings. */
    public boolean differsFrom(ConfigHash hash) {
        return !version.equals(hash.version()) || !configHash.equals(hash.sha256());
    }

    /** "agent-b (version 1.2.0, settings 0123456789ab)", for log lines. */
    public String describe() {
        String shortHash = configHash.length() > ConfigHash.SHORT_LENGTH
                ? configHash.substring(0, ConfigHash.SHORT_LENGTH) : configHash;
        return nodeId + " (version " + version + ", settings " + shortHash + ")";
    }
}
