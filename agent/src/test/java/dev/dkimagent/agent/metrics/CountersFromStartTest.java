package dev.dkimagent.agent.metrics;

import dev.dkimagent.agent.wiring.QueryMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.DeliveryEvent;
import dev.dkimagent.agent.dns.QueryOutcome;
import dev.dkimagent.agent.inventory.ses.SesCallEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counters exist at 0 from the start, so increase() sees the first failure (a series born at 1
 * has no increase), and the schedule intervals are exported for the staleness alerts.
 */
class CountersFromStartTest {
    private final AgentMetrics metrics = new AgentMetrics("0.1.0");
    private final QueryMetrics dnsListener = QueryMetrics.feeding(metrics);

    private List<String> samples() {
        return Exposition.samples(metrics.registry());
    }

    @Test
    void newMetrics_everyDnsQueryOutcomeStartsAtZero() {
        for (String outcome : QueryOutcome.ALL) {
            assertThat(samples()).contains("dkim_dns_queries_total{outcome=\"" + outcome + "\",} 0.0");
        }
    }

    @Test
    void notificationChannel_everyOutcomeStartsAtZero() {
        metrics.notificationChannel("slack_webhook", DeliveryEvent.OUTCOMES);

        assertThat(samples()).contains(
                "dkim_notifications_total{channel=\"slack_webhook\",outcome=\"delivered\",} 0.0",
                "dkim_notifications_total{channel=\"slack_webhook\",outcome=\"retry\",} 0.0",
                "dkim_notifications_total{channel=\"slack_webhook\",outcome=\"permanent\",} 0.0");
    }

    @Test
    void sesOperations_everyOperationAndOutcomeStartsAtZero() {
        metrics.sesOperations(SesCallEvent.OPERATIONS, SesCallEvent.OUTCOMES);

        assertThat(samples()).filteredOn(l -> l.startsWith("dkim_ses_api_calls_total{"))
                .hasSize(SesCallEvent.OPERATIONS.size() * SesCallEvent.OUTCOMES.size())
                .allMatch(l -> l.endsWith(" 0.0"))
                .contains("dkim_ses_api_calls_total{operation=\"GetEmailIdentity\",outcome=\"throttled\",} 0.0");
    }

    @Test
    void scheduled_exportsTheIntervalAndStartsSweepCountersAtZero() {
        metrics.scheduled("dns", Duration.ofMinutes(5));
        metrics.scheduled("ses", Duration.ofMinutes(30));

        assertThat(samples()).contains(
                "dkim_agent_schedule_interval_seconds{kind=\"dns\",} 300.0",
                "dkim_agent_schedule_interval_seconds{kind=\"ses\",} 1800.0",
                "dkim_sweeps_total{kind=\"dns\",outcome=\"failure\",} 0.0",
                "dkim_sweeps_total{kind=\"ses\",outcome=\"success\",} 0.0");
    }

    @Test
    void includeProcessMetrics_addsJvmAndProcessFamiliesOnce() {
        metrics.includeProcessMetrics();
        metrics.includeProcessMetrics();

        assertThat(samples()).anyMatch(l -> l.startsWith("process_start_time_seconds "))
                .anyMatch(l -> l.startsWith("process_open_fds "))
                .anyMatch(l -> l.startsWith("process_max_fds "))
                .anyMatch(l -> l.startsWith("jvm_memory_bytes_used{area=\"heap\""))
                .anyMatch(l -> l.startsWith("jvm_threads_current "))
                .anyMatch(l -> l.startsWith("jvm_gc_collection_seconds_count{"));
    }
}
