package dev.dkimagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/metrics.md documents exactly the metric names the registry exposes. */
class MetricsDocTest {
    /** Tests run in agent/; the docs live at the repository root. */
    private static final Path DOC = Path.of("..", "docs", "metrics.md");
    private static final Pattern TYPE_LINE = Pattern.compile("^# TYPE (\\S+) \\S+$", Pattern.MULTILINE);
    private static final Pattern TABLE_ROW_NAME = Pattern.compile("^\\| `(dkim_[a-z_]+)` \\|", Pattern.MULTILINE);

    @Test
    void docs_listEveryExposedMetricNameAndNoOther() throws IOException {
        assertThat(DOC).as("docs/metrics.md next to the agent module").exists();
        String doc = Files.readString(DOC);

        Set<String> exposed = names(TYPE_LINE, Exposition.text(new AgentMetrics("1").registry()));
        Set<String> documented = names(TABLE_ROW_NAME, doc);

        assertThat(exposed).hasSizeGreaterThan(15);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(exposed);
    }

    private static Set<String> names(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }
}
