package dev.dkimagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Prometheus's own linter accepts the exposition (promtool comes with Debian's prometheus package). */
class PromtoolLintTest {

    @Test
    void promtoolCheckMetrics_fixedExposition_reportsNoProblem() throws Exception {
        assertLintClean(Exposition.text(AgentMetricsGoldenTest.fixedMetrics().registry()));
    }

    @Test
    void promtoolCheckMetrics_clusterPublisherExposition_reportsNoProblem() throws Exception {
        AgentMetrics node = AgentMetrics.clustered("1.2.3", "node-1");
        node.metricsPublisher(true);
        node.publishSharedZone("example.com", node.zoneDocument(
                dev.dkimagent.rules.matrix.Matrices.of(Fixtures.snapshot()), java.util.List.of()));
        node.publishClusterState(3, java.util.List.of(new ShardRun(0, "node-1", Fixtures.AT, true)));

        assertLintClean(Exposition.text(node.registry()));
    }

    private static void assertLintClean(String text) throws Exception {
        Process promtool = start();
        try (OutputStream in = promtool.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(said).as("promtool check metrics output").isEmpty();
        assertThat(promtool.exitValue()).isZero();
    }

    private static Process start() {
        try {
            return new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("promtool is not on PATH: install Debian's 'prometheus' package (the test command does)", e);
        }
    }
}
