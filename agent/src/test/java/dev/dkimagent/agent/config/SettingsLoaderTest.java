package dev.dkimagent.agent.config;

import dev.dkimagent.agent.alert.AlertPolicy;
import dev.dkimagent.agent.alert.slack.SlackSettings;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsLoaderTest {
    private static final Path EXAMPLE = Path.of("src/test/resources/config/example.conf");

    @Test
    void load_emptyFile_givesTheDefaultsOfReferenceConf() throws ConfigException {
        Settings settings = ConfigFixtures.load("");

        assertThat(settings.source()).isEqualTo("dkim-agent.conf");
        assertThat(settings.dns()).isEqualTo(new DnsSettings(List.of(), Duration.ofSeconds(2), 3, 256, 100, 1000, Ipv6Mode.AUTO));
        assertThat(settings.identities()).isEmpty();
        assertThat(settings.zoneNameservers()).isEmpty();
        assertThat(settings.rules()).isEqualTo(RuleSettings.defaults());
        assertThat(settings.levels()).isEmpty();
        assertThat(settings.ses()).isEqualTo(new SesSettings(false, List.of("us-east-1"), "", List.of(),
                List.of("*"), List.of(), 1.0, Duration.ofHours(6), 50, Duration.ofSeconds(30)).withThrottleBudget(
                Duration.ofMinutes(2)));
        assertThat(settings.schedule()).isEqualTo(new ScheduleSettings(Duration.ofMinutes(5), Duration.ofMinutes(15)));
        assertThat(settings.alerting()).isEqualTo(new AlertingSettings(AlertPolicy.defaults(), // the lifecycle's defaults are reference.conf's
                new SlackSettings(env("DKIM_AGENT_SLACK_WEBHOOK_URL"), env("DKIM_AGENT_SLACK_BOT_TOKEN"), "", "")));
        assertThat(settings.state()).isEqualTo(new StateSettings("jdbc:h2:file:./data/dkim-agent", "",
                env("DKIM_AGENT_STATE_PASSWORD")));
        assertThat(settings.http()).isEqualTo(new HttpSettings("0.0.0.0", 9108));
    }

    @Test
    void load_issueExample_mapsTheDaemonSections() throws ConfigException {
        Settings settings = SettingsLoader.load(EXAMPLE, ConfigFixtures.CODES);

        assertThat(settings.ses()).isEqualTo(new SesSettings(true, List.of("us-east-1", "eu-west-1"), "", List.of(
                new SesAccountSettings("prod", "arn:aws:iam::123456789012:role/dkim-agent", "dkim-agent-7f3a"),
                new SesAccountSettings("staging", "arn:aws-us-gov:iam::210987654321:role/dkim-agent", "")),
                List.of("*.mycompany.com", "example.org"), List.of("test.*"), 0.5, Duration.ofHours(12), 200,
                Duration.ofMinutes(1)).withThrottleBudget(Duration.ofMinutes(2)));
        assertThat(settings.schedule()).isEqualTo(new ScheduleSettings(Duration.ofMinutes(1), Duration.ofHours(1)));
        assertThat(settings.alerting()).isEqualTo(new AlertingSettings(new AlertPolicy(3, 2, Duration.ofHours(12), Severity.ERROR),
                new SlackSettings("", "xoxb-1234-5678-abcdef", "#dkim-alerts", "")));
        assertThat(settings.state()).isEqualTo(new StateSettings("jdbc:postgresql://db.internal:5432/dkim_agent",
                "dkim_agent", "s3cret-pw"));
        assertThat(settings.http()).isEqualTo(new HttpSettings("127.0.0.1", 9200));
    }

    @Test
    void load_issueExample_mapsEverySection() throws ConfigException {
        Settings settings = SettingsLoader.load(EXAMPLE, ConfigFixtures.CODES);

        assertThat(settings.source()).isEqualTo(EXAMPLE.toString());
        assertThat(settings.dns()).isEqualTo(new DnsSettings(List.of("192.0.2.53", "[2001:db8::53]:53"),
                Duration.ofMillis(1500), 2, 64, 20, 200, Ipv6Mode.OFF));
        assertThat(settings.zoneNameservers())
                .containsExactly(Map.entry("mycompany.com", List.of("ns1.mycompany.com", "192.0.2.53:5353")));
        assertThat(settings.rules()).isEqualTo(new RuleSettings(Duration.ofMinutes(1), Duration.ofDays(2), 2,
                Duration.ofMinutes(30)));
        assertThat(settings.levels()).containsOnly(Map.entry("DKIM01.RECORD_MISSING", Severity.CRITICAL),
                Map.entry("SOA01.MULTIPLE_SOA_SERIALS", Severity.WARNING));
    }

    @Test
    void load_issueExample_mapsIdentitiesToExpectedRecords() throws ConfigException {
        List<Identity> identities = SettingsLoader.load(EXAMPLE, ConfigFixtures.CODES).identities();

        assertThat(identities).containsExactly(
                new Identity("mycompany.com", "config", List.of(
                        easyDkim("4qzvbw6ldyhpqfnb", "mycompany.com", "dkim.amazonses.com"),
                        easyDkim("xq3wjhbmsr3wdrt7", "mycompany.com", "dkim.amazonses.com"),
                        easyDkim("c5k4gm3n3hmzbv4w", "mycompany.com", "dkim.amazonses.com"))),
                new Identity("eu.mycompany.com", "config", List.of(
                        easyDkim("p6acjhyq", "eu.mycompany.com", "dkim.eu-west-1.amazonses.com"))),
                new Identity("example.org", "config", List.of(
                        new ExpectedRecord("s1", "s1._domainkey.example.org", RecordType.CNAME,
                                "s1.domainkey.u1.wl.sendgrid.net"),
                        new ExpectedRecord("google", "google._domainkey.example.org", RecordType.TXT, ""))));
    }

    @Test
    void load_settingsAreImmutable() throws ConfigException {
        Settings settings = SettingsLoader.load(EXAMPLE, ConfigFixtures.CODES);

        assertThatThrownBy(() -> settings.identities().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.levels().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.zoneNameservers().get("mycompany.com").clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.ses().regions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.ses().accounts().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.ses().include().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void load_optionalEnvSubstitution_takesTheVariableWhenSetAndTheDefaultWhenNot() throws ConfigException {
        String path = System.getenv("PATH");
        assertThat(path).as("PATH is set in every test environment").isNotBlank();

        Settings settings = ConfigFixtures.load("""
                dkim-agent.dns.timeout = ${?DKIM_AGENT_TEST_SURELY_UNSET}
                dkim-agent.identities = [ { domain = "x.com", records = [
                  { name = "s._domainkey.x.com", type = TXT, value = ${?PATH} } ] } ]
                """);

        assertThat(settings.dns().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.identities().get(0).records().get(0).value()).isEqualTo(path);
    }

    @Test
    void load_requiredSubstitutionUnset_reportsFileAndLine() {
        assertThat(ConfigFixtures.problems("""
                dkim-agent {
                  dns.timeout = ${DKIM_AGENT_TEST_SURELY_UNSET}
                }
                """)).containsExactly(
                "dkim-agent.conf: 2: Could not resolve substitution to a value: ${DKIM_AGENT_TEST_SURELY_UNSET}");
    }

    @Test
    void load_syntaxError_reportsFileAndLineWithTheLibrarysMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dkim-agent.conf");
        Files.writeString(file, "dkim-agent {\n  dns {\n    timeout = 2s\n  \n");

        assertThatThrownBy(() -> SettingsLoader.load(file, ConfigFixtures.CODES))
                .isInstanceOf(ConfigException.class)
                // the library's words (it calls the missing '}' a parenthesis), with the short file name
                .hasMessage("dkim-agent.conf: 5: expecting a close parentheses ')' here, not: end of file");
    }

    @Test
    void load_missingFile_namesThePath(@TempDir Path dir) {
        Path file = dir.resolve("nope.conf");

        assertThatThrownBy(() -> SettingsLoader.load(file, ConfigFixtures.CODES))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration file " + file + " does not exist");
    }

    @Test
    void load_directoryInsteadOfFile_saysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> SettingsLoader.load(dir, ConfigFixtures.CODES))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration file " + dir + " is not a regular file");
    }

    @Test
    void load_fileWithSeveralMistakes_reportsAllOfThemInOneException(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dkim-agent.conf");
        Files.writeString(file, """
                dkim-agent {
                  dns {
                    timeout = 5 parsecs
                    atempts = 3
                  }
                  identities = [
                    { domain = "mycompany.com", tokens = [] }
                  ]
                  rules.levels { DKIM01.RECORD_MISSING = critical }
                }
                """);

        assertThatThrownBy(() -> SettingsLoader.load(file, ConfigFixtures.CODES))
                .isInstanceOf(ConfigException.class)
                .hasMessage(String.join("\n",
                        "dkim-agent.conf: 3: dkim-agent.dns.timeout: expected a duration such as 500ms, 2s, 5m"
                                + " or 1d, got '5 parsecs'",
                        "dkim-agent.conf: 4: dkim-agent.dns.atempts: unknown key, did you mean 'attempts'?",
                        "dkim-agent.conf: 7: dkim-agent.identities[0].tokens: expected a list of 1 to 3 DKIM"
                                + " tokens, got 0",
                        "dkim-agent.conf: 9: dkim-agent.rules.levels.DKIM01.RECORD_MISSING: a levels key must be"
                                + " quoted, because an unquoted dot splits it: write \"DKIM01.RECORD_MISSING\""
                                + " = critical"));
    }

    /** A default read from the environment when set (the test runner may have it), else "". */
    private static String env(String name) {
        return System.getenv().getOrDefault(name, "");
    }

    private static ExpectedRecord easyDkim(String token, String domain, String zone) {
        return new ExpectedRecord(token, token + "._domainkey." + domain, RecordType.CNAME, token + "." + zone);
    }
}
