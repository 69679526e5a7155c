package dev.dkimagent.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three real agents in cluster mode, the third started with another rule level: no silent split
 * brain on settings. The odd node and the others each log the disagreement once, naming the nodes
 * and both fingerprints, and count it in dkim_cluster_config_mismatch; the fingerprints differ in
 * dkim_agent_config_hash_info. Once the odd node is gone, the others agree again.
 */
class ClusterSettingsMismatchIT {
    private static final String PREFIX = "127.64.1";
    private static final Duration LIMIT = ClusterWorld.CHECK_IN.multipliedBy(10).plus(AgentProcess.READY_LIMIT);
    private static final Pattern HASH = Pattern.compile("dkim_agent_config_hash_info\\{hash=\"([0-9a-f]{12})\",?}");

    private ClusterWorld world;

    @BeforeEach
    void start() {
        world = ClusterWorld.open(PREFIX);
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aNodeWithAnotherRuleLevel_isLoggedAndCountedByEveryNode_untilItLeaves() {
        world.start("agent-1").awaitReady();
        world.start("agent-2").awaitReady();
        world.start("agent-3", "rules.levels { \"DKIM01.RECORD_MISSING\" = warning }").awaitReady();

        awaitMismatch("agent-3", 2);
        awaitMismatch("agent-1", 1);
        awaitMismatch("agent-2", 1);
        String same = hash("agent-1");
        String odd = hash("agent-3");
        assertThat(hash("agent-2")).isEqualTo(same);
        assertThat(odd).isNotEqualTo(same);
        assertThat(warnings("agent-1")).as(world.describe()).singleElement().asString()
                .contains("this node agent-1 runs version", "with settings " + same,
                        "but agent-3 (version ", "settings " + odd + ")");
        assertThat(warnings("agent-3")).singleElement().asString()
                .contains("this node agent-3", "settings " + odd, "agent-1 (version", "agent-2 (version");

        world.kill9("agent-3");

        awaitMismatch("agent-1", 0);
        awaitMismatch("agent-2", 0);
        assertThat(world.node("agent-1").output()).contains("cluster settings agree again");
        assertThat(warnings("agent-1")).as("one WARN per change, not one per check-in").hasSize(1);
    }

    private void awaitMismatch(String node, int expected) {
        await(node + " counts " + expected + " differing nodes").atMost(LIMIT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(world.node(node).metrics().value("dkim_cluster_config_mismatch"))
                        .as(world.describe()).isEqualTo(expected));
    }

    private String hash(String node) {
        Matcher m = HASH.matcher(world.node(node).metrics().text());
        assertThat(m.find()).as(node + " exports its settings fingerprint").isTrue();
        return m.group(1);
    }

    private List<String> warnings(String node) {
        return world.node(node).output().lines().filter(l -> l.contains("cluster nodes disagree")).toList();
    }
}
