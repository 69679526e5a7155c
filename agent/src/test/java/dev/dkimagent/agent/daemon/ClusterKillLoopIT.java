package dev.dkimagent.agent.daemon;

import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.alert.slack.SlackStub.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three real agents in cluster mode; 20 incidents (ns3 drops a DKIM CNAME of healthy.test, then
 * serves it again), and in each a random node is killed with SIGKILL and started again, at a
 * random moment (just after the break or just after the repair). Every incident gives exactly one
 * firing and one resolved message, in that order: a dead node loses no check, no alert, and
 * causes no duplicate. The seed is logged; {@code -Dcluster.seed=N} replays a run.
 */
class ClusterKillLoopIT {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterKillLoopIT.class);
    private static final String PREFIX = "127.64.3";
    private static final List<String> NODES = List.of("agent-1", "agent-2", "agent-3");
    private static final int CYCLES = 20;
    /**
     * Up to three sweeps to fire or resolve, plus a dead node's shard taken over (Quartz: check-in interval + 7.5 s)
     * and a claim left by it (the lease), plus margin for a loaded machine.
     */
    private static final Duration MESSAGE_LIMIT = ClusterWorld.INTERVAL.multipliedBy(3)
            .plus(ClusterWorld.CHECK_IN).plusMillis(7500).plus(ClusterWorld.LEASE).plusSeconds(15);

    private ClusterWorld world;

    @BeforeEach
    void start() {
        world = ClusterWorld.open(PREFIX);
        // a finding fires on its first sight: the incidents, not the confirmation sweeps, are under test
        NODES.forEach(n -> world.start(n, "alerting.firing-after = 1"));
        NODES.forEach(n -> world.node(n).awaitReady());
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void twentyIncidents_aRandomNodeKilledInEach_oneFiringAndOneResolvedPerIncident() {
        long seed = Long.getLong("cluster.seed", System.nanoTime());
        LOG.info("ClusterKillLoopIT seed {} (replay with -Dcluster.seed={})", seed, seed);
        Random random = new Random(seed);
        List<String> kills = new ArrayList<>();
        for (int incident = 1; incident <= CYCLES; incident++) {
            String victim = NODES.get(random.nextInt(NODES.size()));
            boolean killWhileBroken = random.nextBoolean();
            kills.add(incident + ": " + victim + (killWhileBroken ? " after the break" : " after the repair"));
            String token = HEALTHY_TOKENS.get(random.nextInt(HEALTHY_TOKENS.size()));

            world.breakRecord(token);
            if (killWhileBroken) {
                world.killAndRestart(victim);
            }
            awaitCount("firing", incident, kills, seed);
            world.restoreRecords();
            if (!killWhileBroken) {
                world.killAndRestart(victim);
            }
            awaitCount("resolved", incident, kills, seed);
        }

        DaemonSteps.stillAfterAnotherSweep(() -> {
            assertThat(count("firing")).as(context(kills, seed)).isEqualTo(CYCLES);
            assertThat(count("resolved")).as(context(kills, seed)).isEqualTo(CYCLES);
        });
        assertThat(kinds()).as("firing and resolved alternate").isEqualTo(alternating());
    }

    private void awaitCount(String kind, int expected, List<String> kills, long seed) {
        await(kind + " post of incident " + expected).atMost(MESSAGE_LIMIT).pollInterval(Duration.ofMillis(500))
                .until(() -> count(kind) >= expected);
        assertThat(count(kind)).as(kind + " after incident " + expected + "\n" + context(kills, seed))
                .isEqualTo(expected);
    }

    private int count(String kind) {
        return (kind.equals("firing") ? WebhookMessages.firing(world.slack(), HEALTHY)
                : WebhookMessages.resolved(world.slack(), HEALTHY)).size();
    }

    /** "F" or "R" per post about healthy.test, in arrival order. */
    private String kinds() {
        StringBuilder out = new StringBuilder();
        for (Request post : WebhookMessages.about(world.slack(), HEALTHY)) {
            out.append(WebhookMessages.headline(post).endsWith(": resolved") ? 'R' : 'F');
        }
        return out.toString();
    }

    private static String alternating() {
        return "FR".repeat(CYCLES);
    }

    private String context(List<String> kills, long seed) {
        return "seed " + seed + ", kills " + kills + "\n" + world.describe();
    }
}
