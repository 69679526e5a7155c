package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector;
import java.util.List;

/**
 * Drops the {@code *_created} samples simpleclient 0.16 adds to counters and histograms. The
 * library only offers the PROMETHEUS_DISABLE_CREATED_SERIES environment variable, read once per
 * JVM; filtering here makes the exposition the same wherever the agent runs.
 */
final class NoCreatedSeries extends Collector implements Collector.Describable {
    private static final String CREATED = "_created";

    private final Collector delegate;

    NoCreatedSeries(Collector delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return delegate.collect().stream().map(NoCreatedSeries::withoutCreated).toList();
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return delegate instanceof Describable d ? d.describe() : collect();
    }

    private static MetricFamilySamples withoutCreated(MetricFamilySamples family) {
        List<MetricFamilySamples.Sample> kept = family.samples.stream()
                .filter(s -> !s.name.endsWith(CREATED))
                .toList();
        return new MetricFamilySamples(family.name, family.unit, family.type, family.help, kept);
    }
}
