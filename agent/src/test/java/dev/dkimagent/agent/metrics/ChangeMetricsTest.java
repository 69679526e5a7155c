package dev.dkimagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known children start at 0, so the first event of each is an increase alerts and dashboards see. */
class ChangeMetricsTest {
    private final AgentMetrics metrics = new AgentMetrics("1");
    private final CollectorRegistry registry = metrics.registry();

    @Test
    void triggers_startRechecksAndDropsOfEachTriggerAtZero() {
        metrics.changes().triggers(List.of("notify", "soa"));

        for (String trigger : List.of("notify", "soa")) {
            assertThat(value("dkim_zone_rechecks_total", "trigger", trigger)).as(trigger).isZero();
            assertThat(value("dkim_notify_rechecks_dropped_total", "trigger", trigger)).as(trigger).isZero();
        }
        assertThat(value("dkim_zone_rechecks_total", "trigger", "schedule")).isNull();
    }

    @Test
    void listening_startsTheGivenResultsOfZoneOtherAtZero_andAnEventCountsOnTop() {
        metrics.changes().listening("other", List.of("refused_source", "bad_tsig"));
        metrics.changes().notifyReceived("other", "bad_tsig");

        assertThat(registry.getSampleValue("dkim_notify_received_total", new String[] {"zone", "result"},
                new String[] {"other", "refused_source"})).isZero();
        assertThat(registry.getSampleValue("dkim_notify_received_total", new String[] {"zone", "result"},
                new String[] {"other", "bad_tsig"})).isEqualTo(1.0);
    }

    @Test
    void withoutTheListener_notifyReceivedHasNoSeries() {
        metrics.changes().triggers(List.of("notify"));

        assertThat(registry.getSampleValue("dkim_notify_received_total", new String[] {"zone", "result"},
                new String[] {"other", "refused_source"})).isNull();
    }

    private Double value(String name, String label, String value) {
        return registry.getSampleValue(name, new String[] {label}, new String[] {value});
    }
}
