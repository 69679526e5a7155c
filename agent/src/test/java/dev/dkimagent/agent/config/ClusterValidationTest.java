package dev.dkimagent.agent.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

class ClusterValidationTest {

    @Test
    void cluster_absent_isSingleNodeWithHostAndPidAsName() throws ConfigException {
        ClusterSettings cluster = ConfigFixtures.load("").cluster();

        assertThat(cluster.enabled()).isFalse();
        assertThat(cluster.shards()).isEqualTo(16);
        assertThat(cluster.nodeId()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(cluster.checkInInterval()).isEqualTo(Duration.ofMillis(7500));
        assertThat(cluster.misfireThreshold()).isEqualTo(Duration.ofSeconds(60));
        assertThat(cluster.lease()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void cluster_onPostgresql_isAccepted() throws ConfigException {
        ClusterSettings cluster = ConfigFixtures.load("""
                dkim-agent.state.url = "jdbc:postgresql://db:5432/x"
                dkim-agent.cluster { enabled = true, shards = 4, node-id = "agent-b", lease = 10s }
                """).cluster();

        assertThat(cluster.enabled()).isTrue();
        assertThat(cluster.shards()).isEqualTo(4);
        assertThat(cluster.nodeId()).isEqualTo("agent-b");
        assertThat(cluster.lease()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void cluster_onH2_isRefusedWithTheReason() {
        assertThat(problems("dkim-agent.cluster.enabled = true")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.cluster.enabled: cluster mode needs dkim-agent.state.url on"
                        + " PostgreSQL (\"jdbc:postgresql:...\"): an H2 file belongs to one agent");
    }

    @Test
    void cluster_outOfRangeValues_areEachNamed() {
        assertThat(problems("""
                dkim-agent.cluster.shards = 5000
                dkim-agent.cluster.node-id = "a b"
                dkim-agent.cluster.lease = 1s
                """)).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.cluster.shards: expected at most 1024 shards, got 5000",
                "dkim-agent.conf: 2: dkim-agent.cluster.node-id: expected at most 50 letters, digits, '.', '_'"
                        + " or '-', got 'a b'",
                "dkim-agent.conf: 3: dkim-agent.cluster.lease: expected a duration >= 5s, got '1s'");
    }
}
