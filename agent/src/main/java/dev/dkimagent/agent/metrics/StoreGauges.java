package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.MetricNames.STATE_STORE_MOVED_ASIDE;
import static dev.dkimagent.agent.metrics.MetricNames.STATE_STORE_UP;

import io.prometheus.client.Collector;
import io.prometheus.client.Counter;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The state store's series: whether it can be used now (read at each scrape), and moved-aside files. */
public final class StoreGauges {
    private final ScrapeTimeGauge up = new ScrapeTimeGauge(STATE_STORE_UP,
            "1 while the state store reads and writes, 0 while it is down (the agent reopens it by itself).");
    private final Counter movedAside = Counter.build(STATE_STORE_MOVED_ASIDE,
            "Unreadable state files moved aside at start (run --move-aside-unreadable-state); the agent "
                    + "started with an empty state.").create();

    StoreGauges() {
    }

    List<Collector> collectors() {
        return List.of(up, new NoCreatedSeries(movedAside));
    }

    /** Where dkim_state_store_up reads its value at each scrape. */
    public void up(BooleanSupplier source) {
        up.source(() -> source.getAsBoolean() ? 1 : 0);
    }

    /** An unreadable state file was moved aside. */
    public void movedAside() {
        movedAside.inc();
    }
}
