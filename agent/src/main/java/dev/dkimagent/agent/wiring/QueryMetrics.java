package dev.dkimagent.agent.wiring;

import dev.dkimagent.agent.dns.QueryEvent;
import dev.dkimagent.agent.dns.QueryOutcome;
import dev.dkimagent.agent.metrics.AgentMetrics;
import java.util.function.Consumer;

/**
 * The DNS client's query events as the metrics' plain values: metrics never see a DNS type.
 * Only direct queries to nameservers are counted; resolver look-ups are not.
 */
public final class QueryMetrics implements Consumer<QueryEvent> {
    private final AgentMetrics metrics;

    private QueryMetrics(AgentMetrics metrics) {
        this.metrics = metrics;
    }

    /** The listener that feeds {@code metrics}, with every known outcome started at 0. */
    public static QueryMetrics feeding(AgentMetrics metrics) {
        metrics.dnsOutcomes(QueryOutcome.ALL);
        return new QueryMetrics(metrics);
    }

    @Override
    public void accept(QueryEvent event) {
        if (!event.recursive()) {
            metrics.directQuery(event.address(), event.outcome(), event.rttMillis());
        }
    }
}
