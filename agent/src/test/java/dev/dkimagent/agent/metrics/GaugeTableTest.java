package dev.dkimagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A table's rows: sorted by label values, one per label set (the first value, or the sum of counts). */
class GaugeTableTest {
    @Test
    void rows_sortedByLabelValues_firstValueOfALabelSetKept() {
        GaugeTable table = new GaugeTable("dkim_t", "T.", "a", "b")
                .put(1, "y", "1").put(2, "x", "2").put(3, "y", "1").put(4, "x", "10").put(5, "x", "2");

        assertThat(table.rows()).containsExactly(
                java.util.Map.entry(List.of("x", "10"), 4.0),
                java.util.Map.entry(List.of("x", "2"), 2.0),
                java.util.Map.entry(List.of("y", "1"), 1.0));
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void rows_countingTable_addsUpALabelSet_andKeepsAddingAfterARead() {
        GaugeTable table = GaugeTable.counting("dkim_c", "C.", "a").add(1, "z").add(0.5, "a").add(2, "z");
        assertThat(table.rows()).containsExactly(java.util.Map.entry(List.of("a"), 0.5),
                java.util.Map.entry(List.of("z"), 3.0));

        table.add(4, "z");

        assertThat(table.values()).containsExactly(0.5, 7.0);
        assertThat(table.labelValues()).containsExactly("a", "z");
    }

    @Test
    void restore_readsBackAsTheTableWasBuilt() {
        GaugeTable kept = new GaugeTable("dkim_t", "T.", "a").restore(1, List.of("k")).restore(2, List.of("k"));
        GaugeTable counted = GaugeTable.counting("dkim_c", "C.", "a").restore(1, List.of("k")).restore(2, List.of("k"));

        assertThat(kept.values()).containsExactly(1.0);
        assertThat(counted.values()).containsExactly(3.0);
    }

    @Test
    void putAndAdd_wrongKindOfTableOrLabelCount_areRefused() {
        assertThatThrownBy(() -> GaugeTable.counting("dkim_c", "C.", "a").put(1, "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dkim_c counts");
        assertThatThrownBy(() -> new GaugeTable("dkim_t", "T.", "a").add(1, "x"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new GaugeTable("dkim_t", "T.", "a", "b").put(1, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes labels [a, b]");
    }
}
