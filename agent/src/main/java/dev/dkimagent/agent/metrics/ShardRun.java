package dev.dkimagent.agent.metrics;

import java.time.Instant;

/**
 * One shard's current or last run, as plain values for the cluster gauges.
 *
 * @param shard      the shard number
 * @param node       the node running it now or that ran it last; null before its first run
 * @param finishedAt when its last run finished; null before one finished
 * @param ok         whether that run succeeded; null when unknown
 */
public record ShardRun(int shard, String node, Instant finishedAt, Boolean ok) {
}
