package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The merge of a family's parts as the agent did it before parts were frozen (the test oracle):
 * every part's rows into one map sorted by label values, part after part, the first value of a
 * label set kept or, in a counting family, the values added up.
 */
final class OldMerge {
    private OldMerge() {
    }

    static MetricFamilySamples family(List<GaugeTable> parts) {
        Map<List<String>, Double> rows = new TreeMap<>((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        for (GaugeTable part : parts) {
            part.rows().forEach((labels, value) -> {
                if (part.counting()) {
                    rows.merge(labels, value, Double::sum);
                } else {
                    rows.putIfAbsent(labels, value);
                }
            });
        }
        GaugeTable first = parts.get(0);
        GaugeMetricFamily family = new GaugeMetricFamily(first.name(), first.help(), first.labelNames());
        rows.forEach(family::addMetric);
        return family;
    }
}
