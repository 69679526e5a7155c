package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves the families last published, whole: a publish replaces every series, so a record, a
 * server or an identity that left the configuration leaves /metrics with the next sweep
 * (labelled gauges would keep it forever). The tables are kept frozen ({@link FrozenTable}).
 */
final class PublishedFamilies extends Collector implements Collector.Describable {
    private final List<GaugeTable> templates;
    private final AtomicReference<List<FrozenTable>> current;

    /** @param empty the families with no series: what a scrape sees before the first publish */
    PublishedFamilies(List<GaugeTable> empty) {
        this.templates = List.copyOf(empty);
        this.current = new AtomicReference<>(FrozenTable.freeze(empty, new HashMap<>()));
    }

    /** Replaces every series with these tables (one per family, in the order of the empty ones). */
    void replace(List<GaugeTable> tables) {
        if (tables.size() != templates.size()) {
            throw new IllegalArgumentException("expected " + templates.size() + " tables, got " + tables.size());
        }
        current.set(FrozenTable.freeze(tables, new HashMap<>()));
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<FrozenTable> tables = current.get();
        List<MetricFamilySamples> families = new ArrayList<>(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            families.add(MergedFamily.of(templates.get(i), List.of(tables.get(i))));
        }
        return families;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return templates.stream().map(GaugeTable::family).toList();
    }
}
