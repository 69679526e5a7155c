package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Predicate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A gauge family made of frozen parts (one per zone, or one SES view), merged only while it is
 * written. The /metrics handler writes its lines straight from the parts ({@link #writeTo}); a
 * caller that reads {@link #samples} (tests, the golden exposition) gets them built on first use,
 * for that caller only: nothing per series is cached.
 */
final class MergedFamily extends MetricFamilySamples {
    private final List<String> labelNames;
    private final List<FrozenTable> parts;

    private MergedFamily(String name, String help, List<String> labelNames, List<FrozenTable> parts,
            LazySamples samples) {
        super(name, io.prometheus.client.Collector.Type.GAUGE, help, samples);
        this.labelNames = labelNames;
        this.parts = parts;
    }

    /** The family {@code template} names, of these parts in precedence order (the first value of a label set wins). */
    static MergedFamily of(GaugeTable template, List<FrozenTable> parts) {
        LazySamples samples = new LazySamples();
        MergedFamily family = new MergedFamily(template.name(), template.help(), template.labelNames(),
                List.copyOf(parts), samples);
        samples.family = family;
        return family;
    }

    /** Writes the family as simpleclient's TextFormat would, in 0.0.4 or OpenMetrics. */
    void writeTo(Writer out, boolean openMetrics) throws IOException {
        SeriesText text = SeriesText.family(out, name, help, labelNames, openMetrics);
        RowMerge.forEach(parts, text::sample);
    }

    /** As the base class does for a gauge (every sample carries the family name): all or nothing. */
    @Override
    public MetricFamilySamples filter(Predicate<String> sampleNameFilter) {
        if (sampleNameFilter == null) {
            return this;
        }
        return sampleNameFilter.test(name) && !isEmpty() ? this : null;
    }

    private boolean isEmpty() {
        return parts.stream().allMatch(p -> p.rows() == 0);
    }

    private List<Sample> build() {
        List<Sample> built = new ArrayList<>();
        try {
            RowMerge.forEach(parts, (part, row, value) -> {
                String[] values = new String[labelNames.size()];
                Arrays.setAll(values, i -> part.label(row, i));
                built.add(new Sample(name, labelNames, Arrays.asList(values), value));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink does no I/O
        }
        return built;
    }

    /** The samples, built when first read. */
    private static final class LazySamples extends AbstractList<Sample> {
        private MergedFamily family;
        private List<Sample> built;

        private synchronized List<Sample> built() {
            if (built == null) {
                built = List.copyOf(family.build());
            }
            return built;
        }

        @Override
        public Sample get(int index) {
            return built().get(index);
        }

        @Override
        public int size() {
            return built().size();
        }
    }
}
