package dev.dkimagent.agent.store;

import java.time.Instant;

/**
 * One shard's current or last run (table cluster_shard, written by the shard job).
 *
 * @param shard      the shard number
 * @param node       the node running it now or that ran it last; null before its first run
 * @param startedAt  when its current or last run started; null before the first
 * @param finishedAt when its last run finished; null before the first finished
 * @param ok         whether that run succeeded; null when unknown
 */
public record ShardRow(int shard, String node, Instant startedAt, Instant finishedAt, Boolean ok) {

    /** True while a run has started and not finished. */
    public boolean running() {
        return startedAt != null && (finishedAt == null || startedAt.isAfter(finishedAt));
    }
}
