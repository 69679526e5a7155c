package dev.dkimagent.agent.metrics;

import dev.dkimagent.agent.wiring.QueryMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.DeliveryEvent;
import dev.dkimagent.agent.alert.LogChannel;
import dev.dkimagent.agent.alert.slack.SlackSettings;
import dev.dkimagent.agent.alert.slack.SlackWebhookChannel;
import dev.dkimagent.agent.dns.QueryEvent;
import dev.dkimagent.agent.inventory.ses.SesCallEvent;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole exposition for a fixed snapshot, SES view, firing list and events. */
class AgentMetricsGoldenTest {
    static final String GOLDEN = "/metrics/golden.txt";

    static AgentMetrics fixedMetrics() {
        AgentMetrics metrics = new AgentMetrics("1.2.3");
        metrics.scheduled("dns", Duration.ofMinutes(5));
        metrics.scheduled("ses", Duration.ofMinutes(30));
        metrics.notificationChannel(webhookChannelName(), DeliveryEvent.OUTCOMES);
        metrics.publishSnapshot(Fixtures.snapshot());
        metrics.publishSes(Fixtures.sesView());
        metrics.publishFiring(List.of(
                FiringFinding.dns("example.com", "example.com", "DKIM01", "RECORD_MISSING", "error"),
                FiringFinding.dns("example.com", "example.com", "DKIM01", "RECORD_MISSING", "error"),
                FiringFinding.dns("example.com", "example.com", "NS01", "SERVER_TIMEOUT", "warning"),
                FiringFinding.dns(null, "example.com", "SOA01", "MULTIPLE_SOA_SERIALS", "warning"),
                new FiringFinding("example.com", "example.com", "default", "us-east-1", "SES03", "SES_AT_RISK",
                        "critical"),
                new FiringFinding(null, null, "default", "eu-west-1", "MON01", "SES_API_ERROR", "error"),
                new FiringFinding(null, null, "default", "us-east-1", "MON01", "SES_API_ERROR", "error")));
        productionEvents(metrics);
        metrics.outboxPending(() -> 3);
        metrics.store().up(() -> true);
        metrics.outboxHeld(() -> 1);
        Instant finished = Instant.parse("2026-11-28T12:00:05Z");
        metrics.sweepFinished("dns", Duration.ofMillis(1500), finished, true);
        metrics.sweepFinished("ses", Duration.ofSeconds(2), finished, false);
        return metrics;
    }

    /**
     * Events as the producing code builds them (QueryEvent from the dns package, SES outcomes and
     * delivery outcomes from their constants, channel names from real channels), so a renamed
     * label value breaks this test instead of drifting silently from docs and dashboards.
     */
    private static void productionEvents(AgentMetrics metrics) {
        QueryMetrics.feeding(metrics).accept(QueryEvent.of(Fixtures.NS1.address(), "CNAME", answer(Answer.NOERROR, 2), false));
        QueryMetrics.feeding(metrics).accept(QueryEvent.of(Fixtures.NS1.address(), "CNAME", answer(Answer.NXDOMAIN, 30), false));
        QueryMetrics.feeding(metrics).accept(QueryEvent.of(Fixtures.NS2.address(), "CNAME", answer(Answer.SERVFAIL, 4), false));
        QueryMetrics.feeding(metrics).accept(QueryEvent.of(Fixtures.NS2.address(), "CNAME",
                Answer.failed(Transport.TIMEOUT, "timeout after 3 attempts of 2s"), false));
        QueryMetrics.feeding(metrics).accept(QueryEvent.skipped(Fixtures.NS2.address(), "CNAME", false));
        QueryMetrics.feeding(metrics).accept(QueryEvent.of("127.0.0.53", "TXT", answer(Answer.NOERROR, 1), true)); // resolver: not counted
        metrics.sesCall("GetEmailIdentity", SesCallEvent.OK);
        metrics.sesCall("ListIdentities", SesCallEvent.THROTTLED);
        metrics.sesCall("ListIdentities", SesCallEvent.DENIED);
        metrics.notification(new LogChannel().name(), DeliveryEvent.DELIVERED);
        metrics.notification(webhookChannelName(), DeliveryEvent.RETRY);
        metrics.notification(webhookChannelName(), DeliveryEvent.PERMANENT);
    }

    private static Answer answer(int rcode, long rttMillis) {
        return new Answer(Transport.REPLY, rcode, true, List.of(), null, null, rttMillis);
    }

    private static String webhookChannelName() {
        try (SlackWebhookChannel channel = new SlackWebhookChannel(
                new SlackSettings("http://127.0.0.1:9/hook", null, null, null))) {
            return channel.name();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void exposition_fixedInputs_matchesGoldenTextExactly() throws IOException {
        String actual = Exposition.text(fixedMetrics().registry());
        if (Boolean.getBoolean("golden.update")) { // review the diff before committing
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources" + GOLDEN), actual);
        }
        assertThat(actual).isEqualTo(golden());
    }

    @Test
    void exposition_countersAndHistograms_haveNoCreatedSeries() {
        String actual = Exposition.text(fixedMetrics().registry());
        assertThat(actual).contains("dkim_dns_queries_total", "dkim_nameserver_query_duration_seconds_bucket")
                .doesNotContain("_created");
    }

    private static String golden() throws IOException {
        try (InputStream in = AgentMetricsGoldenTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("test resource " + GOLDEN).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Prints the current exposition, to review before updating the golden file by hand. */
    public static void main(String[] args) {
        System.out.print(Exposition.text(fixedMetrics().registry()));
    }
}
