package dev.dkimagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.DeliveryEvent;
import dev.dkimagent.agent.alert.LogChannel;
import dev.dkimagent.agent.dns.QueryOutcome;
import dev.dkimagent.agent.inventory.ses.SesCallEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/metrics.md documents exactly the metric names the registry exposes, and the label values the code emits. */
class MetricsDocTest {
    /** Tests run in agent/; the docs live at the repository root. */
    private static final Path DOC = Path.of("..", "docs", "metrics.md");
    private static final Pattern TYPE_LINE = Pattern.compile("^# TYPE (\\S+) \\S+$", Pattern.MULTILINE);
    private static final Pattern TABLE_ROW_NAME = Pattern.compile("^\\| `(dkim_[a-z_]+)` \\|", Pattern.MULTILINE);

    @Test
    void docs_listEveryExposedMetricNameAndNoOther() throws IOException {
        assertThat(DOC).as("docs/metrics.md next to the agent module").exists();
        String doc = Files.readString(DOC);

        AgentMetrics metrics = AgentMetrics.clustered("1", "n1"); // one agent's families and the cluster's
        new CanaryGauges(metrics.registry()); // what an agent with the canary enabled adds
        new ClusterNodeGauges(metrics.registry(), "0123456789ab", () -> 0); // and one in cluster mode
        Set<String> exposed = names(TYPE_LINE, Exposition.text(metrics.registry()));
        Set<String> documented = names(TABLE_ROW_NAME, doc);

        assertThat(exposed).hasSizeGreaterThan(15);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(exposed);
    }

    @Test
    void docs_eventRows_documentEveryLabelValueTheProducingCodeEmits() throws IOException {
        String doc = Files.readString(DOC);

        assertThat(row(doc, "dkim_dns_queries_total")).contains(quoted(QueryOutcome.ALL));
        assertThat(row(doc, "dkim_ses_api_calls_total")).contains(quoted(List.of(SesCallEvent.OK,
                SesCallEvent.THROTTLED, SesCallEvent.DENIED, SesCallEvent.ERROR)));
        assertThat(row(doc, "dkim_notifications_total")).contains(quoted(List.of(DeliveryEvent.DELIVERED,
                DeliveryEvent.RETRY, DeliveryEvent.PERMANENT, new LogChannel().name())))
                .contains("`slack_webhook`", "`slack_bot`", "`console`");
    }

    /** The table row that documents the metric. */
    private static String row(String doc, String metric) {
        return doc.lines().filter(l -> l.startsWith("| `" + metric + "` |")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/metrics.md has no row for " + metric));
    }

    private static String[] quoted(List<String> words) {
        return words.stream().map(w -> "`" + w + "`").toArray(String[]::new);
    }

    private static Set<String> names(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }
}
