package dev.dkimagent.agent.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Gauge;
import java.util.function.LongSupplier;

/**
 * A cluster node's settings fingerprint and whether the other live nodes share it, registered only
 * in cluster mode. Every node publishes its own; Prometheus tells them apart by target.
 */
public final class ClusterNodeGauges {
    public static final String CONFIG_HASH_INFO = "dkim_agent_config_hash_info";
    public static final String CONFIG_MISMATCH = "dkim_cluster_config_mismatch";
    public static final String HASH = "hash";

    /**
     * @param shortHash  this node's settings fingerprint, shortened (hex digits only)
     * @param mismatches the live nodes whose fingerprint or version differs from this node's, read at each scrape
     */
    public ClusterNodeGauges(CollectorRegistry registry, String shortHash, LongSupplier mismatches) {
        Gauge.build(CONFIG_HASH_INFO, "Always 1; the hash label is a fingerprint of this node's version and"
                + " the settings every node of a cluster must share (no secrets, no node-local keys).")
                .labelNames(HASH).register(registry).labels(LabelValues.token(shortHash)).set(1);
        ScrapeTimeGauge mismatch = new ScrapeTimeGauge(CONFIG_MISMATCH, "Live cluster nodes whose settings"
                + " fingerprint or agent version differs from this node's (0 = the cluster agrees).");
        mismatch.source(mismatches);
        registry.register(mismatch);
    }
}
