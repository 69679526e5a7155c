package dev.dkimagent.agent.daemon;

import static dev.dkimagent.agent.daemon.DaemonWorld.INTERVAL;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_SERIAL;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static dev.dkimagent.agent.testworld.WorldData.RECORD_TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.alert.slack.SlackStub.Request;
import dev.dkimagent.agent.testworld.WorldZones;
import dev.dkimagent.agent.testworld.ZoneText;
import java.time.Duration;
import java.util.List;

/** Steps the daemon ITs share: zone edits on ns3 and bounded waits for Slack posts. */
final class DaemonSteps {
    /** Two sweeps to fire, plus outbox ticks and a Retry-After: "within two intervals", with margin for load. */
    static final Duration FIRING_LIMIT = INTERVAL.multipliedBy(2).plusSeconds(10);

    private DaemonSteps() {
    }

    /** ns3 stops serving {@code token}'s CNAME of healthy.test (same serial: only the record differs). */
    static void removeFromNs3(DaemonWorld world, String token) {
        ZoneText zone = WorldZones.skeleton(world.dns().prefix(), HEALTHY, HEALTHY_SERIAL);
        HEALTHY_TOKENS.stream().filter(t -> !t.equals(token)).forEach(t -> zone.dkimCname(t, RECORD_TTL));
        world.dns().nameserver("ns3").replaceZone(HEALTHY, zone.render());
        world.dns().nameserver("ns3").restart();
    }

    /** ns3 serves healthy.test as every other server does again. */
    static void restoreNs3(DaemonWorld world) {
        world.dns().nameserver("ns3").replaceZone(HEALTHY, WorldZones.healthy(world.dns().prefix()).render());
        world.dns().nameserver("ns3").restart();
    }

    /** Waits up to {@code limit} until {@code identity} has {@code posts} firing posts; fails if it has more. */
    static List<Request> awaitFiring(DaemonWorld world, AgentProcess agent, String identity, int posts,
                                     Duration limit) {
        await("firing posts for " + identity).atMost(limit).pollInterval(Duration.ofMillis(500))
                .until(() -> WebhookMessages.firing(world.slack(), identity).size() >= posts);
        List<Request> firing = WebhookMessages.firing(world.slack(), identity);
        assertThat(firing).as(WebhookMessages.describe(world.slack()) + agent.output()).hasSize(posts);
        return firing;
    }

    /** The check holds now and still after the next sweep and a few outbox ticks. */
    static void stillAfterAnotherSweep(Runnable check) {
        check.run();
        await().pollDelay(INTERVAL.plusSeconds(3)).atMost(INTERVAL.plusSeconds(10)).untilAsserted(check::run);
    }
}
