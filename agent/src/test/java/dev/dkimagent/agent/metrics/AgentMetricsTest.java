package dev.dkimagent.agent.metrics;

import dev.dkimagent.agent.wiring.QueryMetrics;
import static dev.dkimagent.agent.metrics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.dns.QueryEvent;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.model.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AgentMetricsTest {
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");
    private static final Set<String> LABEL_NAMES = Set.of("identity", "selector", "nameserver", "address", "zone",
            "account", "region", "status", "rule", "tag", "level", "severity", "reason", "kind", "outcome", "operation", "channel",
            "version", "le");

    private final AgentMetrics metrics = new AgentMetrics("0.1.0");

    private List<String> samples() {
        return Exposition.samples(metrics.registry());
    }

    @Test
    void publishSnapshot_recordGoneFromConfig_disappearsOnNextPublish() {
        metrics.publishSnapshot(snapshot());
        assertThat(samples()).anyMatch(l -> l.startsWith("dkim_record_ok{") && l.contains("selector=\"t2\""));

        metrics.publishSnapshot(snapshot(List.of(T1)));

        assertThat(samples()).noneMatch(l -> l.contains("selector=\"t2\"") || l.contains("selector=\"sel\""))
                .anyMatch(l -> l.startsWith("dkim_record_ok{") && l.contains("selector=\"t1\""));
    }

    @Test
    void publishSes_identityGone_disappearsAndDeadlineOnlyWhileFailing() {
        metrics.publishSes(sesView());
        assertThat(samples()).filteredOn(l -> l.startsWith("dkim_ses_verification_deadline")).hasSize(1)
                .allMatch(l -> l.contains("region=\"us-east-1\""));

        metrics.publishSes(new SesView(List.of(ses("eu-west-1", DkimStatus.SUCCESS, null)), List.of(), Map.of()));

        assertThat(samples()).noneMatch(l -> l.contains("us-east-1"))
                .noneMatch(l -> l.startsWith("dkim_ses_verification_deadline"))
                .filteredOn(l -> l.startsWith("dkim_ses_dkim_status{")).hasSize(DkimStatus.values().length);
    }

    @Test
    void sesDeadline_takesTheLaterOfReportedAndRememberedSuccess() {
        Instant reported = Instant.parse("2026-11-27T06:00:00Z");
        SesView view = sesView();
        SesView withReported = new SesView(List.of(ses("us-east-1", DkimStatus.FAILED, reported)), List.of(),
                view.memory());
        assertThat(withReported.revocationDeadline(withReported.states().get(0)))
                .contains(reported.plus(Duration.ofHours(72)));
    }

    @Test
    void sesDeadline_failingWithNoKnownSuccess_isAbsent() {
        SesView view = new SesView(List.of(ses("us-east-1", DkimStatus.TEMPORARY_FAILURE, null)), List.of(), Map.of());
        assertThat(view.revocationDeadline(view.states().get(0))).isEmpty();
    }

    @Test
    void publishFiring_replacesThePreviousList() {
        metrics.publishFiring(List.of(FiringFinding.dns("example.com", "example.com", "DKIM01", "RECORD_MISSING", "error")));
        metrics.publishFiring(List.of());
        assertThat(samples()).noneMatch(l -> l.startsWith("dkim_findings"));
    }

    @Test
    void labels_comeFromTheDocumentedSetAndNeverCarryText() {
        AgentMetrics all = AgentMetricsGoldenTest.fixedMetrics();
        all.publishFiring(List.of(FiringFinding.dns("example.com", "example.com", "DKIM01",
                "record t1._domainkey.example.com is missing on ns2", "error")));
        QueryMetrics.feeding(all).accept(new QueryEvent("127.0.0.1", "CNAME", "java.net.SocketTimeoutException: Read timed out", 1, false));
        all.notification("slack_webhook", "HTTP 500 Internal Server Error");
        all.sesCall("GetEmailIdentity", "User: arn:aws:iam::1:user/x is not authorized");

        for (String line : Exposition.samples(all.registry())) {
            Matcher m = LABEL.matcher(line);
            while (m.find()) {
                assertThat(LABEL_NAMES).as(line).contains(m.group(1));
                assertThat(m.group(2)).as(line).doesNotContain(" ").hasSizeLessThan(254);
            }
        }
        assertThat(Exposition.samples(all.registry()))
                .anyMatch(l -> l.startsWith("dkim_findings{") && l.contains("tag=\"other\""))
                .anyMatch(l -> l.startsWith("dkim_dns_queries_total{outcome=\"other\",}"))
                .anyMatch(l -> l.startsWith("dkim_notifications_total{channel=\"slack_webhook\",outcome=\"other\",}"));
    }

    @Test
    void sweepFinished_failure_keepsLastSuccessAndCountsTheFailure() {
        Instant first = Instant.parse("2026-11-28T12:00:00Z");
        metrics.sweepFinished("dns", Duration.ofSeconds(1), first, true);
        metrics.sweepFinished("dns", Duration.ofSeconds(3), first.plusSeconds(60), false);

        assertThat(samples()).contains(
                "dkim_sweep_last_success_timestamp_seconds{kind=\"dns\",} " + (double) first.getEpochSecond(),
                "dkim_sweep_duration_seconds{kind=\"dns\",} 3.0",
                "dkim_sweeps_total{kind=\"dns\",outcome=\"failure\",} 1.0",
                "dkim_sweeps_total{kind=\"dns\",outcome=\"success\",} 1.0");
    }

    @Test
    void outboxPending_readAtScrapeTime_andAFailingSourceYieldsNoSeries() {
        long[] pending = {1};
        metrics.outboxPending(() -> pending[0]);
        pending[0] = 7;
        assertThat(samples()).contains("dkim_notification_outbox_pending 7.0");

        metrics.outboxPending(() -> {
            throw new IllegalStateException("store down");
        });
        assertThat(samples()).noneMatch(l -> l.startsWith("dkim_notification_outbox_pending"));
    }

    @Test
    void outboxHeld_readAtScrapeTime_andAFailingSourceYieldsNoSeries() {
        long[] held = {0};
        metrics.outboxHeld(() -> held[0]);
        assertThat(samples()).contains("dkim_notification_outbox_held 0.0");
        held[0] = 3;
        assertThat(samples()).contains("dkim_notification_outbox_held 3.0");

        metrics.outboxHeld(() -> {
            throw new IllegalStateException("store down");
        });
        assertThat(samples()).noneMatch(l -> l.startsWith("dkim_notification_outbox_held"));
    }

    @Test
    void dnsQuery_withoutReply_countsButDoesNotObserveDuration() {
        QueryMetrics.feeding(metrics).accept(QueryEvent.of("127.53.0.12", "CNAME", Answer.failed(Transport.TIMEOUT, "timeout"), false));
        assertThat(samples()).contains("dkim_dns_queries_total{outcome=\"timeout\",} 1.0")
                .noneMatch(l -> l.startsWith("dkim_nameserver_query_duration_seconds"));
    }

    @Test
    void dnsQuery_recursiveQueryToAResolver_isNeitherCountedNorTimed() {
        QueryMetrics.feeding(metrics).accept(QueryEvent.of("127.0.0.53", "SOA", reply(false), true));
        assertThat(samples()).filteredOn(l -> l.startsWith("dkim_dns_queries_total")).allMatch(l -> l.endsWith(" 0.0"));
        assertThat(samples()).noneMatch(l -> l.startsWith("dkim_nameserver_query_duration_seconds"));
    }

    @Test
    void dnsQuery_skippedByTheBreaker_countsAsSkippedNotAsTimeout() {
        QueryMetrics.feeding(metrics).accept(QueryEvent.skipped("127.53.0.12", "CNAME", false));
        assertThat(samples()).contains("dkim_dns_queries_total{outcome=\"skipped\",} 1.0")
                .contains("dkim_dns_queries_total{outcome=\"timeout\",} 0.0")
                .noneMatch(l -> l.startsWith("dkim_nameserver_query_duration_seconds"));
    }

    @Test
    void dnsQuery_reply_countsItsRcodeAndObservesTheRoundTrip() {
        QueryMetrics.feeding(metrics).accept(QueryEvent.of("127.53.0.11", "CNAME", nxdomain(), false));
        assertThat(samples()).contains("dkim_dns_queries_total{outcome=\"nxdomain\",} 1.0",
                "dkim_nameserver_query_duration_seconds_count{address=\"127.53.0.11\",} 1.0");
    }

    @Test
    void beforeAnyPublish_everyFamilyIsDescribedWithoutSeries() {
        String text = Exposition.text(metrics.registry());
        assertThat(text).contains("# TYPE dkim_record_ok gauge", "# TYPE dkim_findings gauge",
                "# TYPE dkim_ses_dkim_status gauge").doesNotContain("dkim_record_ok{");
    }
}
