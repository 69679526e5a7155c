package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One gauge family built from published state (one zone's part of it, or all of it). A label set
 * given twice keeps its first value (a family with duplicate series is invalid exposition), or for
 * a counting table adds up; rows come out sorted by label values so the text is the same on every
 * run. Published parts are kept frozen ({@link FrozenTable#freeze}), not as this map.
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
    private final boolean counting;
    private final Map<List<String>, Double> rows = new TreeMap<>(BY_VALUES);

    GaugeTable(String name, String help, String... labelNames) {
        this(name, help, false, List.of(labelNames));
    }

    private GaugeTable(String name, String help, boolean counting, List<String> labelNames) {
        this.name = name;
        this.help = help;
        this.counting = counting;
        this.labelNames = labelNames;
    }

    /**
     * A table of counts: the same label set given twice adds up (see {@link #add}), also across the
     * parts of a family (see {@link RowMerge}).
     */
    static GaugeTable counting(String name, String help, String... labelNames) {
        return new GaugeTable(name, help, true, List.of(labelNames));
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

    /** Adds a row read back from a stored document: a count adds up, another value keeps the first. */
    GaugeTable restore(double value, List<String> labelValues) {
        return counting ? add(value, labelValues.toArray(String[]::new)) : put(value, labelValues.toArray(String[]::new));
    }

    String name() {
        return name;
    }

    String help() {
        return help;
    }

    boolean counting() {
        return counting;
    }

    List<String> labelNames() {
        return labelNames;
    }

    /** The rows, by label values, sorted. */
    Map<List<String>, Double> rows() {
        return java.util.Collections.unmodifiableMap(rows);
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
