package dev.dkimagent.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.ConfigException;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the fingerprint sees (settings every node must share) and what it must not (node-local keys, secrets). */
class ConfigHashTest {
    private static final String BASE = """
            dkim-agent {
              identities = [
                { domain = "mycompany.test", tokens = ["t1", "t2", "t3"] }
                { domain = "other.test", tokens = ["a1"] }
              ]
              zones { "mycompany.test".nameservers = ["ns1.mycompany.test"], "other.test".nameservers = ["ns1.other.test"] }
              rules.levels { "DKIM01.RECORD_MISSING" = critical, "SOA01.MULTIPLE_SOA_SERIALS" = warning }
              alerting.slack.webhook-url = "https://hooks.slack.test/services/T/B/first-secret"
              state { url = "jdbc:postgresql://db-a:5432/dkim", user = "dkim", password = "pw-one" }
              cluster { enabled = true, node-id = "agent-a" }
              http.port = 9108
            }
            """;

    @Test
    void sameSettings_sameHash_andTheShortFormIsTwelveHexDigits() throws ConfigException {
        ConfigHash first = hash(BASE, "1.0.0");
        ConfigHash second = hash(BASE, "1.0.0");

        assertThat(first).isEqualTo(second);
        assertThat(first.sha256()).matches("[0-9a-f]{64}");
        assertThat(first.shortHash()).isEqualTo(first.sha256().substring(0, 12));
    }

    @Test
    void orderOfMapsAndIdentitiesInTheFile_doesNotMatter() throws ConfigException {
        String reordered = BASE
                .replace("""
                        { domain = "mycompany.test", tokens = ["t1", "t2", "t3"] }
                            { domain = "other.test", tokens = ["a1"] }""", """
                        { domain = "other.test", tokens = ["a1"] }
                            { domain = "mycompany.test", tokens = ["t1", "t2", "t3"] }""")
                .replace("\"DKIM01.RECORD_MISSING\" = critical, \"SOA01.MULTIPLE_SOA_SERIALS\" = warning",
                        "\"SOA01.MULTIPLE_SOA_SERIALS\" = warning, \"DKIM01.RECORD_MISSING\" = critical")
                .replace("\"mycompany.test\".nameservers = [\"ns1.mycompany.test\"], \"other.test\".nameservers = [\"ns1.other.test\"]",
                        "\"other.test\".nameservers = [\"ns1.other.test\"], \"mycompany.test\".nameservers = [\"ns1.mycompany.test\"]");
        assertThat(reordered.indexOf("\"other.test\", tokens")).as("identities swapped")
                .isLessThan(reordered.indexOf("\"mycompany.test\", tokens"));

        assertThat(hash(reordered, "1.0.0")).isEqualTo(hash(BASE, "1.0.0"));
    }

    @Test
    void anotherVersion_anotherHash() throws ConfigException {
        assertThat(hash(BASE, "1.0.1").sha256()).isNotEqualTo(hash(BASE, "1.0.0").sha256());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "dkim-agent.rules.levels { \"DKIM01.RECORD_MISSING\" = warning }",
            "dkim-agent.identities = [{ domain = \"mycompany.test\", tokens = [\"t1\", \"t2\"] }]",
            "dkim-agent.zones { \"other.test\".nameservers = [\"ns2.other.test\"] }",
            "dkim-agent.dns.timeout = 3s",
            "dkim-agent.schedule.dns-interval = 1m",
            "dkim-agent.alerting.firing-after = 5",
            "dkim-agent.alerting.slack.read-timeout = 10s",
            "dkim-agent.ses { enabled = true, regions = [\"eu-west-1\"] }",
            "dkim-agent.ses.ignore = [\"test.*\"]",
            "dkim-agent.notify.min-gap = 5s",
            "dkim-agent.cluster.shards = 8",
            "dkim-agent.cluster.lease = 10s",
    })
    void aSharedSetting_changesTheHash(String change) throws ConfigException {
        assertThat(hash(BASE + change, "1.0.0").sha256()).as(change).isNotEqualTo(hash(BASE, "1.0.0").sha256());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "dkim-agent.cluster.node-id = \"agent-b\"",
            "dkim-agent.http.port = 9200",
            "dkim-agent.http.bind = \"10.0.0.7\"",
            "dkim-agent.state.password = \"pw-two\"",
            "dkim-agent.state.url = \"jdbc:postgresql://db-b.internal:5432/dkim\"",
            "dkim-agent.alerting.slack.webhook-url = \"https://hooks.slack.test/services/T/B/rotated-secret\"",
    })
    void nodeLocalKeysAndSecrets_leaveTheHashAlone(String change) throws ConfigException {
        assertThat(hash(BASE + change, "1.0.0")).as(change).isEqualTo(hash(BASE, "1.0.0"));
    }

    @Test
    void theHashedText_holdsNoSecretAndNoNodeId() throws ConfigException {
        String text = ConfigHash.canonical(load(BASE));

        assertThat(text).contains("DKIM01.RECORD_MISSING", "mycompany.test", "alerting.policy=")
                .doesNotContain("first-secret", "pw-one", "agent-a", "db-a", "9108");
    }

    private static ConfigHash hash(String hocon, String version) throws ConfigException {
        return ConfigHash.of(load(hocon), version);
    }

    private static Settings load(String hocon) throws ConfigException {
        return SettingsLoader.load(ConfigFactory.parseString(hocon,
                ConfigParseOptions.defaults().setOriginDescription("dkim-agent.conf")), "dkim-agent.conf",
                ConfigOption.knownCodes());
    }
}
