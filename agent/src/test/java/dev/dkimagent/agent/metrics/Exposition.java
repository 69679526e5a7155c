package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** The registry as text format 0.0.4, families sorted by name so the text is stable. */
final class Exposition {
    private Exposition() {
    }

    static String text(CollectorRegistry registry) {
        List<MetricFamilySamples> families = Collections.list(registry.metricFamilySamples());
        families.sort(Comparator.comparing(f -> f.name));
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, Collections.enumeration(families));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Sample lines only (no HELP/TYPE). */
    static List<String> samples(CollectorRegistry registry) {
        return text(registry).lines().filter(l -> !l.startsWith("#")).toList();
    }
}
