package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.LabelValues.lowerToken;
import static dev.dkimagent.agent.metrics.LabelValues.name;
import static dev.dkimagent.agent.metrics.LabelValues.token;
import static dev.dkimagent.agent.metrics.MetricNames.*;

import io.prometheus.client.Collector.MetricFamilySamples;
import java.util.List;

/**
 * dkim_findings: how many findings fire per identity x zone x SES account x region x rule x tag x
 * level, so a zone-wide or an SES-wide finding is a series of its own. The label {@code severity}
 * repeats {@code level} for one release (deprecated: it clashes with Alertmanager's routing label);
 * being a copy, it adds no series.
 */
final class FindingGauges {
    static final String HELP = "Number of firing findings (alert lifecycle state firing). Label severity is"
            + " deprecated (same value as level) and goes in the next release.";

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
        GaugeTable table = GaugeTable.counting(FINDINGS, HELP, IDENTITY, ZONE, ACCOUNT, REGION, RULE, TAG, LEVEL,
                SEVERITY);
        for (FiringFinding f : firing) {
            String level = lowerToken(f.level());
            table.add(1, name(f.identity()), name(f.zone()), name(f.account()), name(f.region()), token(f.rule()),
                    token(f.tag()), level, level);
        }
        return table;
    }
}
