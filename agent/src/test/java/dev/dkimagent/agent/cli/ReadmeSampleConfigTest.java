package dev.dkimagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's sample configuration, as a newcomer copies it: verbatim it is rejected at the
 * placeholder (and the README says so and what to put there); with the placeholders replaced as
 * the README says, it is valid.
 */
class ReadmeSampleConfigTest {
    private static final Pattern HOCON_BLOCK = Pattern.compile("```hocon\\n(dkim-agent \\{.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void verbatim_isRejectedAtTheTokenPlaceholder_andTheReadmeSaysToReplaceIt() throws IOException {
        String readme = readme();
        Path config = CliRun.config(dir, sample(readme));

        CliRun run = CliRun.of("validate-config", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("dkim-agent.identities[0].tokens").contains("<token1>");
        assertThat(readme).contains("replace `mycompany.com` with", "`<token1>`, `<token2>`, `<token3>` with its three");
    }

    @Test
    void placeholdersReplaced_isValid() throws IOException {
        String filled = sample(readme()).replace("<token1>", "k7hq3rwd5xzm2vq4ojbtl6ecu2np7yfs")
                .replace("<token2>", "t3w5ly6qbn2hcuz7ox4ikj5dv6mra2eg")
                .replace("<token3>", "fx2u7mlb3qk4zotd6rw5nchgy3vae7ip");
        Path config = CliRun.config(dir, filled);

        CliRun run = CliRun.of("validate-config", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("OK (2 identities");
    }

    private static String sample(String readme) {
        Matcher block = HOCON_BLOCK.matcher(readme);
        assertThat(block.find()).as("a ```hocon block starting with dkim-agent { in README.md").isTrue();
        return block.group(1);
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("..", "README.md"));
    }
}
