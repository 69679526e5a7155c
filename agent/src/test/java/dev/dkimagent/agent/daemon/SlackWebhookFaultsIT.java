package dev.dkimagent.agent.daemon;

import static dev.dkimagent.agent.daemon.DaemonSteps.FIRING_LIMIT;
import static dev.dkimagent.agent.daemon.DaemonSteps.removeFromNs3;
import static dev.dkimagent.agent.daemon.DaemonSteps.restoreNs3;
import static dev.dkimagent.agent.daemon.DaemonSteps.stillAfterAnotherSweep;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static dev.dkimagent.agent.testworld.WorldData.MYCOMPANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.alert.slack.SlackStub;
import dev.dkimagent.agent.alert.slack.SlackStub.Reply;
import dev.dkimagent.agent.alert.slack.SlackStub.Request;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The webhook under the faults of issue 14, with the real jar: a wrong webhook (404) then fixed,
 * Slack answering in 12 s, Slack never answering. mycompany.test (ns3 drifted) fires from the
 * start; healthy.test breaks and heals on ns3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackWebhookFaultsIT {
    private static final String PREFIX = "127.60.0";
    private static final String WRONG_PATH = "/services/T000/B000/WRONG";
    private static final Duration SLOW = Duration.ofSeconds(12);

    private DaemonWorld world;
    private AgentProcess agent;

    @BeforeAll
    void startAgentWithAWrongWebhook() {
        world = DaemonWorld.start(PREFIX, builder -> builder);
        world.sesHealthy();
        world.sesMycompany("SUCCESS");
        world.slackSettings("slack.webhook-url = \"" + world.slack().baseUrl() + WRONG_PATH + "\"");
        agent = world.startAgent().awaitReady();
    }

    @AfterAll
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    @Order(1)
    void webhook404_holdsEveryAlert_countedAndExported_andTheResolutionWaitsBehindItsFiring() {
        await("mycompany's alert held").atMost(FIRING_LIMIT).pollInterval(Duration.ofMillis(500))
                .until(() -> agent.metrics().value("dkim_notification_outbox_held") >= 1);
        removeFromNs3(world, HEALTHY_TOKENS.get(0));
        await("healthy's alert held too").atMost(FIRING_LIMIT).pollInterval(Duration.ofMillis(500))
                .until(() -> agent.metrics().value("dkim_notification_outbox_held") >= 2);
        restoreNs3(world);
        await("healthy's resolution queued").atMost(FIRING_LIMIT).pollInterval(Duration.ofMillis(500))
                .until(() -> agent.metrics().value("dkim_notification_outbox_pending") >= 3);

        MetricsText metrics = agent.metrics();
        assertThat(metrics.value("dkim_notification_outbox_held")).isEqualTo(2.0);
        assertThat(metrics.value("dkim_notifications_total", "outcome=\"held\"")).isGreaterThanOrEqualTo(2.0);
        assertThat(metrics.samples("dkim_notifications_total", "outcome=\"permanent\"")).allMatch(l -> l.endsWith(" 0.0"));
        assertThat(world.slack().requests(WRONG_PATH)).as("each held message tried once, then the long backoff")
                .hasSize(2);
        assertThat(world.slack().requests(SlackStub.WEBHOOK_PATH)).isEmpty();
        assertThat(agent.output()).contains("is refused as configured").doesNotContain(WRONG_PATH);
    }

    @Test
    @Order(2)
    void fixedAndRestarted_theFiringArrivesThenTheResolved_onceEach() {
        world.slackSettings("slack.webhook-url = \"" + world.slack().webhookUrl() + "\"");
        agent.sigterm();
        agent = world.startAgent().awaitReady();

        await("healthy's resolution").atMost(FIRING_LIMIT).pollInterval(Duration.ofMillis(500))
                .until(() -> WebhookMessages.resolved(world.slack(), HEALTHY).size() == 1);
        stillAfterAnotherSweep(() -> {
            List<Request> healthy = WebhookMessages.about(world.slack(), HEALTHY);
            assertThat(healthy).as(WebhookMessages.describe(world.slack())).hasSize(2);
            assertThat(healthy.get(0).payloadText()).contains("*New (", HEALTHY_TOKENS.get(0) + "._domainkey.");
            assertThat(WebhookMessages.headline(healthy.get(1))).endsWith(": resolved");
            assertThat(WebhookMessages.firing(world.slack(), MYCOMPANY)).hasSize(1);
        });
        assertThat(agent.metrics().value("dkim_notification_outbox_held")).isZero();
        assertThat(agent.metrics().value("dkim_notification_outbox_pending")).isZero();
    }

    @Test
    @Order(3)
    void slackAnswersIn12Seconds_withTheDefaultReadTimeout_postsOneCopy() {
        world.slack().delayAll(SlackStub.WEBHOOK_PATH, SLOW);
        removeFromNs3(world, HEALTHY_TOKENS.get(1));

        await("healthy fires again").atMost(FIRING_LIMIT).pollInterval(Duration.ofMillis(500))
                .until(() -> WebhookMessages.firing(world.slack(), HEALTHY).size() == 2);
        await("the slow answer arrives").atMost(SLOW.plusSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> agent.metrics().value("dkim_notification_outbox_pending") == 0);
        stillAfterAnotherSweep(() -> assertThat(WebhookMessages.firing(world.slack(), HEALTHY))
                .as(WebhookMessages.describe(world.slack())).hasSize(2));
        assertThat(agent.metrics().samples("dkim_notifications_total", "outcome=\"uncertain\""))
                .allMatch(line -> line.endsWith(" 0.0"));
        world.slack().delayAll(SlackStub.WEBHOOK_PATH, null);
    }

    @Test
    @Order(4)
    void slackNeverAnswers_theMessageIsPostedTwiceAtMost_thenCountedUnconfirmed() {
        // (a DNS change would do as well; an SES status change needs no nameserver restart)
        world.slackSettings("slack { webhook-url = \"" + world.slack().webhookUrl() + "\", read-timeout = 2s }");
        agent.sigterm();
        agent = world.startAgent().awaitReady();
        world.slack().answerAlways(SlackStub.WEBHOOK_PATH, Reply.hang());
        int hangFrom = world.slack().requests(SlackStub.WEBHOOK_PATH).size();
        int before = WebhookMessages.about(world.slack(), MYCOMPANY).size();

        world.sesMycompany("TEMPORARY_FAILURE");  // a new SES finding: one more message, no DNS restart needed

        try {
            await("mycompany's message posted twice, unanswered").atMost(FIRING_LIMIT.plusSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> WebhookMessages.about(world.slack(), MYCOMPANY).size() >= before + 2);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + WebhookMessages.describe(world.slack()) + agent.output(), e);
        }
        stillAfterAnotherSweep(() -> {
            List<Request> duringTheHang = world.slack().requests(SlackStub.WEBHOOK_PATH).subList(hangFrom,
                    world.slack().requests(SlackStub.WEBHOOK_PATH).size());
            assertThat(duringTheHang.stream().collect(Collectors.groupingBy(Request::body, Collectors.counting())))
                    .as("no message posted more than twice: " + WebhookMessages.describe(world.slack()))
                    .allSatisfy((body, copies) -> assertThat(copies).isLessThanOrEqualTo(2));
        });
        assertThat(agent.metrics().value("dkim_notifications_total", "outcome=\"unconfirmed\"")).isGreaterThanOrEqualTo(1.0);
        assertThat(agent.output()).contains("not sending it again");
    }
}
