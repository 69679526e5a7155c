package dev.dkimagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBasicsTest {
    @TempDir
    Path dir;

    @Test
    void noCommand_exitsTwoWithUsage() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing command").contains("Usage: dkim-agent");
    }

    @Test
    void unknownOption_exitsTwo() {
        assertThat(CliRun.of("check", "--no-such-option").exitCode()).isEqualTo(2);
    }

    @Test
    void validateConfig_everyProblemReportedWithLineAndPath_exitsTwo() {
        Path config = CliRun.config(dir, """
                dkim-agent {
                  dns { timeout = 5 parsecs, atempts = 2 }
                  identities = [ { domain = "mycompany.com", tokens = [] } ]
                }
                """);

        CliRun run = CliRun.of("validate-config", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("dkim-agent.conf: 2: dkim-agent.dns.atempts: unknown key, did you mean 'attempts'?")
                .contains("dkim-agent.conf: 2: dkim-agent.dns.timeout: expected a duration")
                .contains("dkim-agent.conf: 3: dkim-agent.identities[0].tokens: expected a list of 1 to 3 DKIM tokens, got 0");
    }

    @Test
    void validateConfig_goodFile_exitsZero() {
        Path config = CliRun.config(dir, """
                dkim-agent.identities = [ { domain = "mycompany.com", tokens = ["t1", "t2", "t3"] } ]
                """);

        CliRun run = CliRun.of("validate-config", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("OK (1 identity, 0 zone overrides)");
    }

    @Test
    void rules_listsEveryTagWithItsDefaultSeverity() {
        CliRun run = CliRun.of("rules");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("(?m)^DKIM01  Every authoritative nameserver")
                .containsPattern("(?m)^DKIM01  .*\\n\\s+RECORD_MISSING\\s+error$")
                .containsPattern("(?m)^SES03  .*\\n\\s+SES_AT_RISK\\s+critical$")
                .containsPattern("(?m)^SOA02  .*\\n\\s+NEGATIVE_TTL_HIGH\\s+info$");
    }

    @Test
    void rules_withConfiguredLevel_marksTheRelevelledTag() {
        Path config = CliRun.config(dir, """
                dkim-agent.rules.levels { "DKIM03.TTL_TOO_LOW" = info }
                """);

        CliRun run = CliRun.of("rules", "--config", config.toString());

        assertThat(run.out()).containsPattern("(?m)^\\s+TTL_TOO_LOW\\s+info\\*$")
                .containsPattern("(?m)^\\s+TTL_TOO_HIGH\\s+warning$");
    }

    @Test
    void check_missingConfigFile_exitsTwoAndSaysWhere() {
        CliRun run = CliRun.of("check", "--config", dir.resolve("nope.conf").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.conf");
    }

    @Test
    void version_printsTheBuildVersion() {
        CliRun run = CliRun.of("version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("dkim-agent ").doesNotContain("unknown");
    }
}
