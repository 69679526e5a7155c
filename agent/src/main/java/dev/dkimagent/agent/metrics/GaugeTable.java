package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One gauge family built from published state (one zone's part of it, or all of it). A label set
 * given twice keeps its first value (a family with duplicate series is invalid exposition), or for
 * a counting table adds up; rows come out sorted by label values so the text is the same on every
 * run. Rows are appended to flat arrays and sorted once when read (a zone of 100,000 identities
 * is 1.9 million rows: a sorted map would take five times the memory while the zone is published);
 * published parts are kept frozen ({@link FrozenTable#freeze}).
 */
final class GaugeTable {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final boolean counting;
    private String[] labels = new String[0];
    private double[] values = new double[0];
    private int size;
    /** The rows are sorted by label values, one per label set. */
    private boolean compact = true;

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
        if (counting) {
            throw new IllegalStateException(name + " counts: add to it");
        }
        return append(value, labelValues);
    }

    /** Adds {@code value} to the row of the label set (a count). */
    GaugeTable add(double value, String... labelValues) {
        if (!counting) {
            throw new IllegalStateException(name + " is not a count: put into it");
        }
        return append(value, labelValues);
    }

    /** Adds a row read back from a stored document: a count adds up, another value keeps the first. */
    GaugeTable restore(double value, List<String> labelValues) {
        return append(value, labelValues.toArray(String[]::new));
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

    /** How many rows (label sets) the table has. */
    int size() {
        compact();
        return size;
    }

    /** The label values of the rows, row after row, sorted (length {@code size() x labels}). */
    String[] labelValues() {
        compact();
        return labels;
    }

    /** The values of the rows, in the order of {@link #labelValues} (length {@code size()}). */
    double[] values() {
        compact();
        return values;
    }

    /** The rows, by label values, sorted. */
    Map<List<String>, Double> rows() {
        compact();
        Map<List<String>, Double> rows = new LinkedHashMap<>();
        int width = labelNames.size();
        for (int row = 0; row < size; row++) {
            rows.put(List.of(Arrays.copyOfRange(labels, row * width, row * width + width)), values[row]);
        }
        return Collections.unmodifiableMap(rows);
    }

    MetricFamilySamples family() {
        GaugeMetricFamily family = new GaugeMetricFamily(name, help, labelNames);
        rows().forEach(family::addMetric);
        return family;
    }

    private GaugeTable append(double value, String... labelValues) {
        int width = labelNames.size();
        if (labelValues.length != width) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames + ", got "
                    + Arrays.toString(labelValues));
        }
        if (size == values.length) {
            int capacity = Math.max(8, size * 2);
            values = Arrays.copyOf(values, capacity);
            labels = Arrays.copyOf(labels, capacity * width);
        }
        System.arraycopy(labelValues, 0, labels, size * width, width);
        values[size++] = value;
        compact = false;
        return this;
    }

    /**
     * Sorts the rows by label values (stable: rows of one label set stay in the order given) and
     * keeps one row per label set, the first or the sum; trims the arrays to the rows.
     */
    private void compact() {
        if (compact) {
            return;
        }
        int width = labelNames.size();
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> compareRows(a, b, width));
        String[] sortedLabels = new String[size * width];
        double[] sortedValues = new double[size];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int row = order[i];
            if (kept > 0 && sameLabels(sortedLabels, kept - 1, row, width)) {
                if (counting) {
                    sortedValues[kept - 1] += values[row];
                }
                continue;
            }
            System.arraycopy(labels, row * width, sortedLabels, kept * width, width);
            sortedValues[kept++] = values[row];
        }
        labels = kept == size ? sortedLabels : Arrays.copyOf(sortedLabels, kept * width);
        values = kept == size ? sortedValues : Arrays.copyOf(sortedValues, kept);
        size = kept;
        compact = true;
    }

    private int compareRows(int a, int b, int width) {
        for (int i = 0; i < width; i++) {
            int c = labels[a * width + i].compareTo(labels[b * width + i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private boolean sameLabels(String[] sorted, int keptRow, int row, int width) {
        for (int i = 0; i < width; i++) {
            if (!sorted[keptRow * width + i].equals(labels[row * width + i])) {
                return false;
            }
        }
        return true;
    }
}
