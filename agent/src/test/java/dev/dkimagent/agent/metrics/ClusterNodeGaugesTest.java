package dev.dkimagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The exposition of a cluster node's fingerprint and mismatch count, exactly. */
class ClusterNodeGaugesTest {

    @Test
    void exposition_isTheHashInfoAndTheMismatchReadAtScrapeTime() {
        CollectorRegistry registry = new CollectorRegistry();
        AtomicLong mismatches = new AtomicLong();
        new ClusterNodeGauges(registry, "0123456789ab", mismatches::get);

        mismatches.set(2);

        assertThat(Exposition.text(registry)).isEqualTo("""
                # HELP dkim_agent_config_hash_info Always 1; the hash label is a fingerprint of this node's version\
                 and the settings every node of a cluster must share (no secrets, no node-local keys).
                # TYPE dkim_agent_config_hash_info gauge
                dkim_agent_config_hash_info{hash="0123456789ab",} 1.0
                # HELP dkim_cluster_config_mismatch Live cluster nodes whose settings fingerprint or agent version\
                 differs from this node's (0 = the cluster agrees).
                # TYPE dkim_cluster_config_mismatch gauge
                dkim_cluster_config_mismatch 2.0
                """);
    }

    @Test
    void aHashThatIsNoToken_neverReachesTheLabel() {
        CollectorRegistry registry = new CollectorRegistry();

        new ClusterNodeGauges(registry, "not a hash", () -> 0);

        assertThat(registry.getSampleValue(ClusterNodeGauges.CONFIG_HASH_INFO, new String[] {"hash"},
                new String[] {"other"})).isEqualTo(1.0);
    }
}
