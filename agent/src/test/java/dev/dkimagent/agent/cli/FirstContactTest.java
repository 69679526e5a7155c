package dev.dkimagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer sees on the first tries: one verdict, one line per mistake, words that fit. */
class FirstContactTest {
    @TempDir
    Path dir;

    @Test
    void emptyFile_validateConfigAndCheck_giveTheSameVerdictAndExit2() throws Exception {
        Path config = CliRun.config(dir, "");

        CliRun validate = CliRun.of("validate-config", "--config", config.toString());
        CliRun check = CliRun.of("check", "--config", config.toString());

        assertThat(validate.exitCode()).isEqualTo(ExitCode.USAGE).isEqualTo(check.exitCode());
        assertThat(validate.out()).doesNotContain("OK");
        String verdict = "nothing to check: " + config + " lists no dkim-agent.identities and dkim-agent.ses.enabled is false";
        assertThat(validate.err()).contains(verdict);
        assertThat(check.err()).contains(verdict);
    }

    @Test
    void sesOnlyFile_isValid() throws Exception {
        Path config = CliRun.config(dir, "dkim-agent.ses.enabled = true");

        CliRun validate = CliRun.of("validate-config", "--config", config.toString());

        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(ExitCode.OK);
        assertThat(validate.out()).contains("OK (0 identities, 0 zone overrides, SES enabled)");
    }

    @Test
    void failOnBogus_isOneLineSayingWhatIsAllowed() {
        CliRun run = CliRun.of("check", "--fail-on", "bogus");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip()).isEqualTo("dkim-agent check: Invalid value for option '--fail-on':"
                + " expected critical, error, warning or info, got 'bogus' (see dkim-agent check --help)");
    }

    @Test
    void formatYaml_isOneLineSayingWhatIsAllowed() {
        CliRun run = CliRun.of("check", "--format", "yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip()).doesNotContain("\n", "Usage:").contains("--format", "text", "json", "yaml");
    }

    @Test
    void unknownOption_isOneLine() {
        CliRun run = CliRun.of("validate-config", "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip()).doesNotContain("\n", "Usage:").contains("--no-such-option");
    }

    /** The demo in its own JVM, stopped with SIGINT as Ctrl-C does: the exit code the help promises. */
    @Test
    void demo_ctrlC_exits130_asItsHelpSays() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process demo = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "dev.dkimagent.agent.Main", "demo").redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try {
                demo.getInputStream().transferTo(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        output.append((char) b);
                    }
                });
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> output.toString().contains("Press Ctrl-C to stop."));
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();

            assertThat(demo.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as(output.toString()).isTrue();
            assertThat(demo.exitValue()).as(output.toString()).isEqualTo(130);
            assertThat(output.toString()).contains("dkim-agent demo: stopped");
        } finally {
            demo.destroyForcibly();
            reader.join(5000);
        }
    }

    @Test
    void demoHelp_exitCodesAgreeWithWhatTheShellSees() {
        CliRun run = CliRun.of("demo", "--help");

        assertThat(run.out()).contains("0 when --duration ends", "130 on Ctrl-C", "3 could not start")
                .doesNotContain("0 stopped");
    }
}
