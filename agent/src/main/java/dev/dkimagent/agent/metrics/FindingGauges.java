package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.MetricNames.*;

import io.prometheus.client.Collector.MetricFamilySamples;
import java.util.List;

/** dkim_findings: how many findings fire per identity x rule x tag x severity. */
final class FindingGauges {
    private FindingGauges() {
    }

    static List<MetricFamilySamples> empty() {
        return of(List.of());
    }

    static List<MetricFamilySamples> of(List<FiringFinding> firing) {
        return List.of(table(firing).family());
    }

    /** The rows these firing findings yield (one zone's, or all). */
    static GaugeTable table(List<FiringFinding> firing) {
        GaugeTable table = GaugeTable.counting(FINDINGS, "Number of firing findings (alert lifecycle state firing).",
                IDENTITY, RULE, TAG, SEVERITY);
        for (FiringFinding f : firing) {
            table.add(1, LabelValues.name(f.identity()), LabelValues.token(f.rule()),
                    LabelValues.token(f.tag()), LabelValues.lowerToken(f.severity()));
        }
        return table;
    }
}
