package dev.dkimagent.agent.daemon;

import static dev.dkimagent.agent.daemon.DaemonSteps.FIRING_LIMIT;
import static dev.dkimagent.agent.daemon.DaemonSteps.awaitFiring;
import static dev.dkimagent.agent.daemon.DaemonSteps.removeFromNs3;
import static dev.dkimagent.agent.daemon.DaemonSteps.stillAfterAnotherSweep;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static dev.dkimagent.agent.testworld.WorldData.MYCOMPANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Stopping and restarting the real process on the same state: a second instance is refused,
 * SIGTERM stops in time, a restart does not announce again what already fired, and an alert
 * queued while Slack is down survives kill -9 and arrives exactly once. mycompany.test (ns3
 * drifted, SES SUCCESS) fires from the start; healthy.test breaks in the last step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonRestartIT {
    private static final String PREFIX = "127.57.0";
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
    /** Restart, SES scan, first sweep, then a delivery that may wait out a backoff of the dead agent. */
    private static final Duration REDELIVERY_LIMIT = Duration.ofSeconds(60);

    private DaemonWorld world;
    private AgentProcess agent;

    @BeforeAll
    void startAgentAndLetMycompanyFire() {
        world = DaemonWorld.start(PREFIX, builder -> builder);
        world.sesHealthy();
        world.sesMycompany("SUCCESS");
        agent = world.startAgent().awaitReady();
        awaitFiring(world, agent, MYCOMPANY, 1, FIRING_LIMIT);
    }

    @AfterAll
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    @Order(1)
    void secondInstance_onTheSameState_refusesToStartNamingTheState() {
        AgentProcess second = world.startAgent();

        assertThat(second.awaitExit()).as(second.output()).isEqualTo(3);
        assertThat(second.output())
                .contains("cannot start")
                .contains("another dkim-agent holds the state at " + world.statePath());
        assertThat(agent.get("/readyz").status()).as("the first agent keeps running").isEqualTo(200);
    }

    @Test
    @Order(2)
    void sigterm_stopsWithinTenSeconds_andTheRestartDoesNotAnnounceFiringFindingsAgain() {
        Duration took = agent.sigterm();

        assertThat(took).as(agent.output()).isLessThan(STOP_LIMIT);
        assertThat(agent.exitCode()).as("128 + SIGTERM, the JVM's clean stop on a signal; " + agent.output())
                .isEqualTo(143);
        assertThat(agent.output()).as("the agent, not H2's own hook, closes the state")
                .doesNotContain("Database is already closed").doesNotContain("WARN");

        agent = world.startAgent().awaitReady();
        stillAfterAnotherSweep(() -> assertThat(WebhookMessages.about(world.slack(), MYCOMPANY))
                .as(WebhookMessages.describe(world.slack())).hasSize(1));
    }

    @Test
    @Order(3)
    void alertQueuedWhileSlackIsDown_survivesKill9_andArrivesExactlyOnce() {
        world.slack().down();
        removeFromNs3(world, HEALTHY_TOKENS.get(1));
        await("a firing alert for " + HEALTHY + " waits in the outbox").atMost(FIRING_LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> agent.metrics().value("dkim_notification_outbox_pending") >= 1);

        agent.kill9();
        world.slack().up();
        agent = world.startAgent().awaitReady();

        awaitFiring(world, agent, HEALTHY, 1, REDELIVERY_LIMIT);
        assertThat(WebhookMessages.firing(world.slack(), HEALTHY).get(0).payloadText())
                .contains(HEALTHY_TOKENS.get(1) + "._domainkey." + HEALTHY)
                .contains("ns3." + HEALTHY);
        stillAfterAnotherSweep(() -> {
            assertThat(WebhookMessages.about(world.slack(), HEALTHY)).as(WebhookMessages.describe(world.slack()))
                    .hasSize(1);
            assertThat(WebhookMessages.about(world.slack(), MYCOMPANY)).hasSize(1);
        });
    }
}
