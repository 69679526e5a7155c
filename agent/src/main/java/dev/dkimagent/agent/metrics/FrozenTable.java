package dev.dkimagent.agent.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One part of a gauge family (one zone's rows, or one SES view's), frozen when it is published:
 * label values row after row in one flat array and the values in another, sorted by label values
 * with one row per label set: a reference per label value (4 bytes with compressed oops) and 8
 * bytes per value, instead of a map entry, a list and a boxed double per series; the label
 * strings themselves are shared (see {@link #freeze}).
 */
final class FrozenTable {
    private static final String[] NO_LABELS = {};
    private static final double[] NO_VALUES = {};

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final boolean counting;
    private final String[] labels;
    private final double[] values;

    private FrozenTable(GaugeTable table, String[] labels, double[] values) {
        this.name = table.name();
        this.help = table.help();
        this.labelNames = table.labelNames();
        this.counting = table.counting();
        this.labels = labels;
        this.values = values;
    }

    /**
     * Freezes the tables of one part (in family order), taking over their arrays (a table is not
     * added to after it is published). Equal label strings become one instance through
     * {@code interned}, and a table whose label sets are those of an earlier table (the TTL rows of
     * the record rows) shares that table's label array.
     */
    static List<FrozenTable> freeze(List<GaugeTable> tables, Map<String, String> interned) {
        FrozenTable[] frozen = new FrozenTable[tables.size()];
        for (int i = 0; i < frozen.length; i++) {
            frozen[i] = freeze(tables.get(i), interned, frozen, i);
        }
        return List.of(frozen);
    }

    private static FrozenTable freeze(GaugeTable table, Map<String, String> interned, FrozenTable[] earlier,
            int count) {
        String[] labels = table.size() == 0 ? NO_LABELS : table.labelValues();
        double[] values = table.size() == 0 ? NO_VALUES : table.values();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = interned.computeIfAbsent(labels[i], v -> v);
        }
        for (int i = 0; i < count; i++) {
            if (labels.length > 0 && Arrays.equals(earlier[i].labels, labels)
                    && earlier[i].labelNames.size() == table.labelNames().size()) {
                labels = earlier[i].labels;
                break;
            }
        }
        return new FrozenTable(table, labels, values);
    }

    String name() {
        return name;
    }

    String help() {
        return help;
    }

    List<String> labelNames() {
        return labelNames;
    }

    boolean counting() {
        return counting;
    }

    int rows() {
        return values.length;
    }

    String label(int row, int index) {
        return labels[row * labelNames.size() + index];
    }

    double value(int row) {
        return values[row];
    }

    /** Orders rows as {@link GaugeTable} does: label values compared one by one. */
    int compare(int row, FrozenTable other, int otherRow) {
        int width = labelNames.size();
        int at = row * width;
        int otherAt = otherRow * width;
        for (int i = 0; i < width; i++) {
            String a = labels[at + i];
            String b = other.labels[otherAt + i];
            if (a != b) {
                int c = a.compareTo(b);
                if (c != 0) {
                    return c;
                }
            }
        }
        return 0;
    }
}
