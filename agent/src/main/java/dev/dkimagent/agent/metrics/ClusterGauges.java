package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.LabelValues.name;
import static dev.dkimagent.agent.metrics.MetricNames.*;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cluster's own series (cluster mode only). Every node: which node it is and whether it
 * publishes for the cluster now. The publishing node only (cluster-wide facts, one series each,
 * whichever node reads them): live nodes and each shard's last run and node.
 */
final class ClusterGauges extends Collector implements Collector.Describable {
    private final String node;
    private final AtomicBoolean publisher = new AtomicBoolean();
    /** Null while this node does not publish for the cluster. */
    private final AtomicReference<Integer> nodes = new AtomicReference<>();
    private final AtomicReference<List<ShardRun>> shards = new AtomicReference<>(List.of());

    ClusterGauges(String node) {
        this.node = name(node);
    }

    void publisher(boolean now) {
        publisher.set(now);
    }

    boolean publisher() {
        return publisher.get();
    }

    void nodes(int live) {
        nodes.set(live);
    }

    void shards(List<ShardRun> runs) {
        shards.set(List.copyOf(runs));
    }

    /** Drops the cluster-wide series (this node no longer publishes for the cluster). */
    void clearShared() {
        nodes.set(null);
        shards.set(List.of());
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeTable info = new GaugeTable(CLUSTER_NODE_INFO,
                "Always 1: the cluster node id of this agent (join on instance to name a target's node).", NODE);
        GaugeTable holds = new GaugeTable(CLUSTER_METRICS_PUBLISHER,
                "1 on the node that publishes the cluster's record, finding and SES series now (it holds the"
                        + " metrics-publisher lease), else 0.", NODE);
        GaugeTable live = new GaugeTable(CLUSTER_NODES,
                "Nodes whose scheduler checked in within two check-in intervals (published by the publishing node).");
        GaugeTable lastRun = new GaugeTable(CLUSTER_SHARD_LAST_RUN,
                "When the shard's last run finished (published by the publishing node).", SHARD);
        GaugeTable success = new GaugeTable(CLUSTER_SHARD_LAST_RUN_SUCCESS,
                "1 when the shard's last run judged every zone, 0 when one failed (published by the publishing node).",
                SHARD);
        GaugeTable owner = new GaugeTable(CLUSTER_SHARD_NODE_INFO,
                "Always 1: the node running the shard now, or that ran it last (published by the publishing node).",
                SHARD, NODE);
        info.put(1, node);
        holds.put(publisher.get() ? 1 : 0, node);
        Integer count = nodes.get();
        if (count != null) {
            live.put(count);
        }
        for (ShardRun run : shards.get()) {
            String shard = Integer.toString(run.shard());
            if (run.finishedAt() != null) {
                lastRun.put(run.finishedAt().toEpochMilli() / 1000.0, shard);
            }
            if (run.ok() != null) {
                success.put(run.ok() ? 1 : 0, shard);
            }
            if (run.node() != null) {
                owner.put(1, shard, name(run.node()));
            }
        }
        List<MetricFamilySamples> families = new ArrayList<>();
        for (GaugeTable t : List.of(info, holds, live, lastRun, success, owner)) {
            families.add(t.family());
        }
        return families;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return collect();
    }
}
