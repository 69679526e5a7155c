package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves the families last published, whole: a publish replaces every series, so a record, a
 * server or an identity that left the configuration leaves /metrics with the next sweep
 * (labelled gauges would keep it forever).
 */
final class PublishedFamilies extends Collector implements Collector.Describable {
    private final List<MetricFamilySamples> empty;
    private final AtomicReference<List<MetricFamilySamples>> current;

    /** @param empty the families with no series: what a scrape sees before the first publish */
    PublishedFamilies(List<MetricFamilySamples> empty) {
        this.empty = List.copyOf(empty);
        this.current = new AtomicReference<>(this.empty);
    }

    void replace(List<MetricFamilySamples> families) {
        current.set(List.copyOf(families));
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return current.get();
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return empty;
    }
}
