package dev.dkimagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Frozen parts merged while written give the text the old whole-map merge gave: rows sorted by
 * label values, the first part's value of a label set kept, counts added up in part order.
 */
class MergedFamilyTest {
    private static final String[] VALUES = {"a", "b", "b.example", "ns1", "127.0.0.1", "x\"y", "back\\slash", "", "z"};

    private static GaugeTable table(boolean counting) {
        return counting ? GaugeTable.counting("dkim_t", "Help with \\ and\nnewline.", "one", "two", "three")
                : new GaugeTable("dkim_t", "Help with \\ and\nnewline.", "one", "two", "three");
    }

    private static List<GaugeTable> randomParts(Random random, boolean counting) {
        List<GaugeTable> parts = new ArrayList<>();
        int count = 1 + random.nextInt(12);
        for (int p = 0; p < count; p++) {
            GaugeTable part = table(counting);
            int rows = random.nextInt(40);
            for (int r = 0; r < rows; r++) {
                double value = random.nextInt(4) == 0 ? 0.5 + random.nextInt(3) : random.nextInt(3);
                String[] labels = {pick(random), pick(random), pick(random)};
                if (counting) {
                    part.add(value, labels);
                } else {
                    part.put(value, labels);
                }
            }
            parts.add(part);
        }
        return parts;
    }

    private static String pick(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    private static MergedFamily frozen(List<GaugeTable> parts) {
        List<FrozenTable> frozen = new ArrayList<>();
        parts.forEach(part -> frozen.add(FrozenTable.freeze(List.of(part), new HashMap<>()).get(0)));
        return MergedFamily.of(parts.get(0), frozen);
    }

    private static String written(MergedFamily family, boolean openMetrics) throws IOException {
        StringWriter out = new StringWriter();
        family.writeTo(out, openMetrics);
        return out.toString();
    }

    private static String simpleclient(MetricFamilySamples family, boolean openMetrics) throws IOException {
        StringWriter out = new StringWriter();
        if (openMetrics) {
            TextFormat.writeOpenMetrics100(out, Collections.enumeration(List.of(family)));
            return out.toString().replace("# EOF\n", "");
        }
        TextFormat.write004(out, Collections.enumeration(List.of(family)));
        return out.toString();
    }

    @Test
    void writeTo_randomOverlappingParts_isTheTextOfTheOldMerge_inBothFormats() throws IOException {
        Random random = new Random(20261206);
        for (int round = 0; round < 400; round++) {
            boolean counting = round % 2 == 0;
            List<GaugeTable> parts = randomParts(random, counting);
            MetricFamilySamples expected = OldMerge.family(parts);

            assertThat(written(frozen(parts), false)).isEqualTo(simpleclient(expected, false));
            assertThat(written(frozen(parts), true)).isEqualTo(simpleclient(expected, true));
            assertThat(simpleclient(frozen(parts), false)).as("samples read as a list")
                    .isEqualTo(simpleclient(expected, false));
        }
    }

    @Test
    void writeTo_sameLabelsInTwoParts_firstPartsValueWins_orCountsAddUp() throws IOException {
        GaugeTable first = table(false).put(1, "a", "b", "c");
        GaugeTable second = table(false).put(0, "a", "b", "c").put(7, "a", "a", "a");
        GaugeTable countedFirst = table(true).add(2, "a", "b", "c");
        GaugeTable countedSecond = table(true).add(3, "a", "b", "c");

        assertThat(written(frozen(List.of(first, second)), false)).endsWith(
                "dkim_t{one=\"a\",two=\"a\",three=\"a\",} 7.0\ndkim_t{one=\"a\",two=\"b\",three=\"c\",} 1.0\n");
        assertThat(written(frozen(List.of(countedFirst, countedSecond)), false))
                .endsWith("dkim_t{one=\"a\",two=\"b\",three=\"c\",} 5.0\n");
    }

    @Test
    void filter_byName_keepsTheWholeFamilyOrNothing_andAnEmptyFamilyIsDropped() {
        MergedFamily some = frozen(List.of(table(false).put(1, "a", "b", "c")));
        MergedFamily none = frozen(List.of(table(false)));

        assertThat(some.filter(name -> name.equals("dkim_t"))).isSameAs(some);
        assertThat(some.filter(name -> name.equals("dkim_other"))).isNull();
        assertThat(none.filter(name -> true)).isNull();
        assertThat(none.filter(null)).isSameAs(none);
    }

    @Test
    void freeze_equalLabelStringsOfAPart_becomeOneInstance() {
        GaugeTable ok = new GaugeTable("dkim_a", "A.", "identity", "address").put(1, "x.test", new String("1.2.3.4"));
        GaugeTable ttl = new GaugeTable("dkim_b", "B.", "identity", "address").put(300, "x.test", new String("1.2.3.4"));

        List<FrozenTable> frozen = FrozenTable.freeze(List.of(ok, ttl), new HashMap<>());

        assertThat(frozen.get(1).label(0, 1)).isSameAs(frozen.get(0).label(0, 1));
        assertThat(frozen.get(1).value(0)).isEqualTo(300);
        assertThat(frozen.get(1).name()).isEqualTo("dkim_b");
    }
}
