package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One gauge family built from published state. A label set given twice keeps its first value (a
 * family with duplicate series is invalid exposition); rows come out sorted by label values so the
 * text is the same on every run.
 */
final class GaugeTable {
    private static final Comparator<List<String>> BY_VALUES = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Map<List<String>, Double> rows = new TreeMap<>(BY_VALUES);

    GaugeTable(String name, String help, String... labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = List.of(labelNames);
    }

    /** Adds a row unless the label set has one; label values must be guarded by {@link LabelValues}. */
    GaugeTable put(double value, String... labelValues) {
        rows.putIfAbsent(key(labelValues), value);
        return this;
    }

    /** Adds {@code value} to the row of the label set (a count). */
    GaugeTable add(double value, String... labelValues) {
        rows.merge(key(labelValues), value, Double::sum);
        return this;
    }

    private List<String> key(String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames + ", got "
                    + Arrays.toString(labelValues));
        }
        return List.of(labelValues);
    }

    MetricFamilySamples family() {
        GaugeMetricFamily family = new GaugeMetricFamily(name, help, labelNames);
        rows.forEach(family::addMetric);
        return family;
    }
}
