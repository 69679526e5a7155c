package dev.dkimagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile configurations against the real jar ({@code validate-config}): each ends in exit 2 and
 * one line on stderr naming file and line, short, and never the value of a secret. Before the
 * bounds these were a StackOverflowError, an OutOfMemoryError, 10 MB of stderr or a leaked webhook.
 */
class ConfigBombsIT {
    private static final long MAX_ERR_BYTES = 1_000;
    private static final String WEBHOOK = "https://hooks.slack.com/services/T0000/B0000/XyZsecretPart42";

    @TempDir
    Path dir;

    @Test
    void nesting5000Deep_isOneLineAtItsLine_notAStackOverflow() throws IOException {
        int depth = 5_000;
        write("dkim-agent.conf", "dkim-agent.http.port = 9108\nx = " + "{a = ".repeat(depth) + "1"
                + "}".repeat(depth) + "\n");

        JarRun run = validate(Map.of());

        assertOneLine(run, "dkim-agent.conf: 2: objects and lists nest deeper than 64 levels");
    }

    @Test
    void doublingSubstitution_isRefusedAtTheKeyThatGrows_notAnOutOfMemoryError() throws IOException {
        String doubling = IntStream.range(1, 40)
                .mapToObj(i -> "a" + i + " = ${a" + (i - 1) + "}${a" + (i - 1) + "}")
                .collect(Collectors.joining("\n"));
        write("dkim-agent.conf", "a0 = \"xx\"\n" + doubling + "\ndkim-agent.dns.timeout = ${a39}\n");

        JarRun run = validate(Map.of());

        assertOneLine(run, "dkim-agent.conf: ", ": substitutions expand to more than 64 MiB");
        assertThat(run.err()).containsPattern("dkim-agent\\.conf: \\d+: a\\d+: ");
    }

    @Test
    void includeOfDevZero_isRefusedAtTheInclude() throws IOException {
        write("dkim-agent.conf", "dkim-agent.http.port = 9108\ninclude url(\"file:///dev/zero\")\n");

        JarRun run = validate(Map.of());

        assertOneLine(run, "dkim-agent.conf: 2: include url(\"file:/dev/zero\"): not a regular file");
    }

    @Test
    void includeOfAHugeFile_isRefusedBeforeItIsRead() throws IOException {
        try (RandomAccessFile huge = new RandomAccessFile(dir.resolve("huge.conf").toFile(), "rw")) {
            huge.setLength(4L * 1024 * 1024 * 1024); // sparse: 4 GiB that cost no disk
        }
        write("dkim-agent.conf", "dkim-agent.http.port = 9108\ninclude \"huge.conf\"\n");

        JarRun run = validate(Map.of());

        assertOneLine(run, "dkim-agent.conf: 2: include \"huge.conf\" is 4294967296 bytes; a configuration and"
                + " what it includes may be at most 32 MiB");
    }

    @Test
    void tenMegabyteValue_isClippedInTheMessage() throws IOException {
        write("dkim-agent.conf", "dkim-agent.dns.timeout = \"" + "x".repeat(10_000_000) + "\"\n");

        JarRun run = validate(Map.of());

        assertOneLine(run, "dkim-agent.conf: 1: dkim-agent.dns.timeout: expected a duration",
                "got '" + "x".repeat(100) + "... (10000000 characters)'");
    }

    @Test
    void secretFromTheEnvironment_inAKeyOfTheWrongType_isNeverShown() throws IOException {
        write("dkim-agent.conf", "dkim-agent.http.port = 9108\n"
                + "dkim-agent.dns.timeout = ${?DKIM_AGENT_SLACK_WEBHOOK_URL}\n");

        JarRun run = validate(Map.of("DKIM_AGENT_SLACK_WEBHOOK_URL", WEBHOOK));

        assertOneLine(run, "dkim-agent.conf: 2: dkim-agent.dns.timeout: expected a duration",
                "got a value from the environment (not shown)");
    }

    @Test
    void secretFromTheEnvironment_inTheLibrarysOwnError_isRedacted() throws IOException {
        write("dkim-agent.conf", "dkim-agent.http.port = 9108\n"
                + "dkim-agent.alerting.slack.webhook-url = ${?DKIM_AGENT_SLACK_WEBHOOK_URL} { a = 1 }\n");

        JarRun run = validate(Map.of("DKIM_AGENT_SLACK_WEBHOOK_URL", WEBHOOK));

        assertOneLine(run, "dkim-agent.conf: 2: Cannot concatenate object or list", "<redacted>");
    }

    @Test
    void substitutionChain5000Long_isRefused_notAStackOverflow() throws IOException {
        String chain = IntStream.range(1, 5_000).mapToObj(i -> "a" + i + " = ${a" + (i - 1) + "}")
                .collect(Collectors.joining("\n"));
        write("dkim-agent.conf", "a0 = 2s\n" + chain + "\ndkim-agent.dns.timeout = ${a4999}\n");

        JarRun run = validate(Map.of());

        assertOneLine(run, "dkim-agent.conf: ", ": substitutions refer to substitutions more than 64 deep");
    }

    private JarRun validate(Map<String, String> env) {
        return JarRun.of(dir, env, "validate-config", "--config", "dkim-agent.conf");
    }

    /** Exit 2, nothing on stdout, exactly one short line on stderr that contains each part, no secret. */
    private static void assertOneLine(JarRun run, String... parts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errBytes()).as(run.err()).isLessThan(MAX_ERR_BYTES);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("configuration error: ").contains(parts)
                .doesNotContain(WEBHOOK).doesNotContain("XyZsecretPart42").doesNotContain("Exception");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
