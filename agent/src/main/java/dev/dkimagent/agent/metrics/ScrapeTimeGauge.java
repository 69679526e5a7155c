package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A gauge read when Prometheus scrapes (the outbox size lives in the store, not in memory). No
 * series until a source is set; a source that fails yields no series rather than a failed scrape.
 */
final class ScrapeTimeGauge extends Collector implements Collector.Describable {
    private final String name;
    private final String help;
    private final AtomicReference<LongSupplier> source = new AtomicReference<>();
    private volatile BooleanSupplier shown = () -> true;

    ScrapeTimeGauge(String name, String help) {
        this.name = name;
        this.help = help;
    }

    void source(LongSupplier supplier) {
        source.set(supplier);
    }

    /** The series is read and shown only while {@code when} says so (cluster mode: on the publishing node). */
    void shownOnlyWhen(BooleanSupplier when) {
        shown = when;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily family = new GaugeMetricFamily(name, help, List.of());
        LongSupplier supplier = source.get();
        if (supplier != null && shown.getAsBoolean()) {
            try {
                family.addMetric(List.of(), supplier.getAsLong());
            } catch (RuntimeException e) {
                // the store is unreachable: an absent series says so, a failed scrape would hide the rest
            }
        }
        return List.of(family);
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(new GaugeMetricFamily(name, help, List.of()));
    }
}
