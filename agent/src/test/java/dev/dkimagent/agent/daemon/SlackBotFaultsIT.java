package dev.dkimagent.agent.daemon;

import static dev.dkimagent.agent.daemon.DaemonSteps.FIRING_LIMIT;
import static dev.dkimagent.agent.daemon.DaemonSteps.removeFromNs3;
import static dev.dkimagent.agent.daemon.DaemonSteps.restoreNs3;
import static dev.dkimagent.agent.daemon.DaemonSteps.stillAfterAnotherSweep;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import dev.dkimagent.agent.alert.slack.SlackStub;
import dev.dkimagent.agent.alert.slack.SlackStub.Reply;
import dev.dkimagent.agent.alert.slack.SlackStub.Request;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The bot token under the faults of issue 14, with the real jar: kill -9 again and again while
 * Slack takes 5 s to answer (posts are found by their metadata, not sent again), and a
 * Retry-After of an hour (capped, and kept across a restart).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackBotFaultsIT {
    private static final String PREFIX = "127.60.1";
    private static final Duration SLOW = Duration.ofSeconds(5);
    private static final int KILLS = 5;
    private static final Duration NEXT_POST_LIMIT = FIRING_LIMIT.plusSeconds(20);

    private DaemonWorld world;
    private AgentProcess agent;
    private boolean healthyBroken;

    @BeforeAll
    void startAgentWithABotToken() {
        world = DaemonWorld.start(PREFIX, builder -> builder);
        world.sesHealthy();
        world.sesMycompany("SUCCESS");
        world.slack().expectToken("xoxb-faults-1");
        world.slackSettings("slack { bot-token = \"xoxb-faults-1\", channel = \"#dkim-alerts\", api-url = \""
                + world.slack().apiUrl() + "\", read-timeout = 10s }");
        world.slack().delayAll(SlackStub.POST_MESSAGE, SLOW);
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
    void killNineInALoopDuringSlowPosts_everyMessageArrives_atMostOneExtraCopyEach() {
        for (int kill = 0; kill < KILLS; kill++) {
            int before = healthyPosts();
            toggleHealthy(kill);  // waits for its message: a toggle back before it fires would say nothing
            await("a post about " + HEALTHY + " to kill during").atMost(NEXT_POST_LIMIT)
                    .pollInterval(Duration.ofMillis(200)).until(() -> healthyPosts() > before);
            sleep(Duration.ofSeconds(1));  // inside Slack's 5 s answer
            agent.kill9();
            agent = world.startAgent().awaitReady();
        }
        world.slack().delayAll(SlackStub.POST_MESSAGE, null);
        await("the outbox empties").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> agent.metrics().value("dkim_notification_outbox_pending") == 0);

        Map<String, Long> copies = copiesByMessage();
        assertThat(copies).as("a killed post per loop, each its own message").hasSizeGreaterThanOrEqualTo(KILLS);
        assertThat(copies.values()).as("copies per message: %s", copies).allMatch(n -> n <= 2);
        assertThat(copies.values()).as("the bot finds a post before sending it again: %s", copies)
                .allMatch(n -> n == 1);
    }

    @Test
    @Order(2)
    void retryAfterOfAnHour_isCappedAtFiveMinutes_andThePauseSurvivesARestart() {
        world.slack().enqueue(SlackStub.POST_MESSAGE, Reply.rateLimited(3600));
        int before = posts();
        toggleHealthy(2);
        await("the post Slack rate-limits").atMost(NEXT_POST_LIMIT).pollInterval(Duration.ofMillis(200))
                .until(() -> posts() > before);
        await("the capped pause is logged").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> agent.output().contains("waiting PT5M at most"));

        agent.sigterm();
        agent = world.startAgent().awaitReady();

        assertThat(agent.output()).contains("asked to wait before this restart");
        stillAfterAnotherSweep(() -> assertThat(posts()).as("nothing posted during the pause").isEqualTo(before + 1));
        assertThat(agent.metrics().value("dkim_notification_outbox_pending")).isGreaterThanOrEqualTo(1.0);
    }

    /** healthy.test loses a record on ns3, or gets it back: one more message either way. */
    private void toggleHealthy(int token) {
        if (healthyBroken) {
            restoreNs3(world);
        } else {
            removeFromNs3(world, HEALTHY_TOKENS.get(token % HEALTHY_TOKENS.size()));
        }
        healthyBroken = !healthyBroken;
    }

    private int healthyPosts() {
        return (int) world.slack().requests(SlackStub.POST_MESSAGE).stream()
                .filter(request -> String.valueOf(request.field("text")).contains(" " + HEALTHY + ": ")).count();
    }

    private int posts() {
        return world.slack().requests(SlackStub.POST_MESSAGE).size();
    }

    /** chat.postMessage requests by the outbox message key in their metadata. */
    private Map<String, Long> copiesByMessage() {
        return world.slack().requests(SlackStub.POST_MESSAGE).stream()
                .collect(Collectors.groupingBy(SlackBotFaultsIT::messageKey, TreeMap::new, Collectors.counting()));
    }

    private static String messageKey(Request request) {
        String metadata = request.field("metadata");
        if (metadata == null) {
            throw new AssertionError("a post without metadata: " + request.body());
        }
        return JsonParser.parseString(metadata).getAsJsonObject().getAsJsonObject("event_payload")
                .get("message_key").getAsString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
