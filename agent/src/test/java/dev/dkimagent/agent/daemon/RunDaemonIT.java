package dev.dkimagent.agent.daemon;

import static dev.dkimagent.agent.daemon.DaemonSteps.FIRING_LIMIT;
import static dev.dkimagent.agent.daemon.DaemonSteps.awaitFiring;
import static dev.dkimagent.agent.daemon.DaemonSteps.removeFromNs3;
import static dev.dkimagent.agent.daemon.DaemonSteps.restoreNs3;
import static dev.dkimagent.agent.daemon.DaemonSteps.stillAfterAnotherSweep;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static dev.dkimagent.agent.testworld.WorldData.MYCOMPANY;
import static dev.dkimagent.agent.testworld.WorldData.MYCOMPANY_SERIAL;
import static dev.dkimagent.agent.testworld.WorldData.MYCOMPANY_TOKENS;
import static dev.dkimagent.agent.testworld.WorldData.RECORD_TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.alert.slack.SlackStub;
import dev.dkimagent.agent.alert.slack.SlackStub.Reply;
import dev.dkimagent.agent.alert.slack.SlackStub.Request;
import dev.dkimagent.agent.testworld.WorldZones;
import dev.dkimagent.agent.testworld.ZoneText;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code dkim-agent run} as a real process against NSD/unbound, the SES stub and the Slack stub:
 * one agent for the whole class (each sweep takes 10 s), the steps in order. healthy.test is
 * SUCCESS in SES; mycompany.test is TEMPORARY_FAILURE and ns3 serves one of its CNAMEs with a
 * hostile target, so it fires from the start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunDaemonIT {
    private static final String PREFIX = "127.56.0";
    private static final String HOSTILE_TARGET = "<!channel>.<https://evil|click>.dkim.amazonses.com.";
    private static final String REMOVED_TOKEN = HEALTHY_TOKENS.get(0);

    private DaemonWorld world;
    private AgentProcess agent;

    @BeforeAll
    void startAgent() {
        world = DaemonWorld.start(PREFIX, builder -> builder.zone("ns3", MYCOMPANY, hostileMycompany().render()));
        world.sesHealthy();
        world.sesMycompany("TEMPORARY_FAILURE");
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
    void endpoints_afterFirstSweep_healthyAndReady_withTheSesIdentitiesChecked() {
        assertThat(agent.get("/healthz")).isEqualTo(new AgentProcess.Reply(200, "ok\n"));
        assertThat(agent.get("/readyz")).isEqualTo(new AgentProcess.Reply(200, "ready\n"));
        MetricsText metrics = agent.metrics();
        for (String identity : List.of(HEALTHY, MYCOMPANY)) {
            assertThat(metrics.samples("dkim_record_ok", "identity=\"" + identity + "\""))
                    .as("ready means the first sweep checked %s from SES", identity).hasSize(9);
        }
    }

    @Test
    @Order(2)
    void hostileCnameTarget_arrivesEscapedInSlack() {
        List<Request> firing = awaitFiring(world, agent, MYCOMPANY, 1, FIRING_LIMIT);

        String text = firing.get(0).payloadText();
        assertThat(text).contains("&lt;!channel&gt;").contains("&lt;https://evil|click&gt;");
        for (Request request : world.slack().requests()) {
            assertThat(request.body()).as("raw body of every post")
                    .doesNotContain("<!channel>").doesNotContain("<https://evil|click>");
            assertThat(request.payloadText()).as("decoded text of every post")
                    .doesNotContain("<!channel>").doesNotContain("<https://evil|click>");
        }
    }

    @Test
    @Order(3)
    void metrics_whileMycompanyFails_exposeEveryDocumentedFamily() {
        MetricsText metrics = agent.metrics();

        assertThat(metrics.sampledNames()).contains(
                "dkim_record_ok", "dkim_record_ttl_seconds", "dkim_findings", "dkim_ses_dkim_status",
                "dkim_ses_signing_enabled", "dkim_ses_verification_deadline_timestamp_seconds",
                "dkim_nameserver_up", "dkim_nameserver_query_duration_seconds_bucket",
                "dkim_nameserver_query_duration_seconds_count", "dkim_zone_soa_serial",
                "dkim_sweep_duration_seconds", "dkim_sweep_last_success_timestamp_seconds",
                "dkim_dns_queries_total", "dkim_ses_api_calls_total", "dkim_notifications_total",
                "dkim_notification_outbox_pending", "dkim_agent_build_info");
        assertThat(removedRecordOkOnNs3(metrics)).isEqualTo(1.0);
        assertThat(metrics.samples("dkim_ses_verification_deadline_timestamp_seconds"))
                .as("a deadline only for the failing identity")
                .hasSize(1).allMatch(line -> line.contains("identity=\"" + MYCOMPANY + "\""));
        assertThat(metrics.samples("dkim_findings", "identity=\"" + MYCOMPANY + "\"")).isNotEmpty();
        assertThat(metrics.samples("dkim_findings", "identity=\"" + HEALTHY + "\"")).isEmpty();
    }

    @Test
    @Order(4)
    void recordRemovedFromSecondary_firesExactlyOnceNamingRecordAndServer_evenAfter429() {
        world.slack().enqueue(SlackStub.WEBHOOK_PATH, Reply.rateLimited(1));

        removeFromNs3(world, REMOVED_TOKEN);

        List<Request> firing = awaitFiring(world, agent, HEALTHY, 2, FIRING_LIMIT);
        assertThat(firing.get(0).body()).as("the retry after 429 posts the same message").isEqualTo(firing.get(1).body());
        assertThat(firing.get(0).payloadText())
                .contains(REMOVED_TOKEN + "._domainkey." + HEALTHY)
                .contains("ns3." + HEALTHY);
        assertThat(agent.metrics().value("dkim_notifications_total", "outcome=\"retry\"")).isEqualTo(1.0);
        stillAfterAnotherSweep(() -> assertThat(WebhookMessages.about(world.slack(), HEALTHY))
                .as(WebhookMessages.describe(world.slack())).hasSize(2));
        assertThat(removedRecordOkOnNs3(agent.metrics())).isEqualTo(0.0);
    }

    @Test
    @Order(5)
    void recordRestored_resolvesExactlyOnce() {
        restoreNs3(world);

        await("one resolved message for " + HEALTHY).atMost(FIRING_LIMIT).pollInterval(Duration.ofMillis(500))
                .until(() -> WebhookMessages.resolved(world.slack(), HEALTHY).size() == 1);
        stillAfterAnotherSweep(() -> {
            assertThat(WebhookMessages.resolved(world.slack(), HEALTHY)).hasSize(1);
            assertThat(WebhookMessages.about(world.slack(), HEALTHY)).as(WebhookMessages.describe(world.slack()))
                    .hasSize(3);
        });
        assertThat(WebhookMessages.resolved(world.slack(), HEALTHY).get(0).payloadText())
                .contains(REMOVED_TOKEN + "._domainkey." + HEALTHY);
    }

    private static double removedRecordOkOnNs3(MetricsText metrics) {
        return metrics.value("dkim_record_ok", "identity=\"" + HEALTHY + "\"", "nameserver=\"ns3." + HEALTHY + "\"",
                "selector=\"" + REMOVED_TOKEN + "\"");
    }

    /** mycompany.test whose last CNAME points at a name made of Slack control sequences. */
    private static ZoneText hostileMycompany() {
        ZoneText zone = WorldZones.skeleton(PREFIX, MYCOMPANY, MYCOMPANY_SERIAL);
        zone.dkimCname(MYCOMPANY_TOKENS.get(0), RECORD_TTL).dkimCname(MYCOMPANY_TOKENS.get(1), RECORD_TTL);
        return zone.cname(MYCOMPANY_TOKENS.get(2), HOSTILE_TARGET, RECORD_TTL);
    }
}
