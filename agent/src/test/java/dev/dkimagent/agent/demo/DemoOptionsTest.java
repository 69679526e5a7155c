package dev.dkimagent.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.cli.DkimAgentCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void demo_durationNotADuration_isAUsageErrorThatSaysTheForm() {
        StringWriter err = new StringWriter();

        int code = DkimAgentCommand.execute(new String[] {"demo", "--duration", "soon"}, Map.of(),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("expected a positive duration such as 90s, 5m or 1h, got 'soon'");
    }

    @Test
    void demo_help_tellsWhereMetricsAreAndHowToStop() {
        StringWriter out = new StringWriter();

        int code = DkimAgentCommand.execute(new String[] {"demo", "--help"}, Map.of(),
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));

        assertThat(code).isZero();
        assertThat(out.toString()).contains("http://127.0.0.1:9108/metrics").contains("--duration");
    }
}
