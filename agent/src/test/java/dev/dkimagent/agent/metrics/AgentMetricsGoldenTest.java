package dev.dkimagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

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
        metrics.publishSnapshot(Fixtures.snapshot());
        metrics.publishSes(Fixtures.sesView());
        metrics.publishFiring(List.of(
                new FiringFinding("example.com", "DKIM01", "RECORD_MISSING", "error"),
                new FiringFinding("example.com", "DKIM01", "RECORD_MISSING", "error"),
                new FiringFinding("example.com", "NS01", "SERVER_TIMEOUT", "warning"),
                new FiringFinding(null, "SOA01", "MULTIPLE_SOA_SERIALS", "warning")));
        metrics.dnsQuery("127.53.0.11", "noerror", 2);
        metrics.dnsQuery("127.53.0.11", "nxdomain", 30);
        metrics.dnsQuery("127.53.0.12", "timeout", -1);
        metrics.sesCall("GetEmailIdentity", "success");
        metrics.sesCall("ListIdentities", "throttled");
        metrics.notification("slack", "delivered");
        metrics.outboxPending(() -> 3);
        Instant finished = Instant.parse("2026-11-28T12:00:05Z");
        metrics.sweepFinished("dns", Duration.ofMillis(1500), finished, true);
        metrics.sweepFinished("ses", Duration.ofSeconds(2), finished, false);
        return metrics;
    }

    @Test
    void exposition_fixedInputs_matchesGoldenTextExactly() throws IOException {
        String actual = Exposition.text(fixedMetrics().registry());
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
