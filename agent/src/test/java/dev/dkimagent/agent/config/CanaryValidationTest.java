package dev.dkimagent.agent.config;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanaryValidationTest {
    private static final String ENABLED = """
            dkim-agent.canary {
              enabled = true
              identities = ["mycompany.com"]
              to = "canary@monitoring.example.org"
              mailbox.imap { host = "imap.example.org", user = "canary", password = "SECRETPART" }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void canary_offByDefault_withTheDocumentedDefaults() throws ConfigException {
        CanarySettings canary = ConfigFixtures.load("").canary();

        assertThat(canary.enabled()).isFalse();
        assertThat(canary.interval()).isEqualTo(Duration.ofHours(6));
        assertThat(canary.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(canary.fromFor("mycompany.com")).isEqualTo("dkim-canary@mycompany.com");
        assertThat(canary.imap().port()).isEqualTo(993);
        assertThat(canary.imap().tls()).isTrue();
        assertThat(canary.imap().folder()).isEqualTo("INBOX");
    }

    @Test
    void canary_enabledAndComplete_isRead_passwordNeverInToString() throws ConfigException {
        CanarySettings canary = ConfigFixtures.load(ENABLED).canary();

        assertThat(canary.identities()).containsExactly("mycompany.com");
        assertThat(canary.imap().password()).isEqualTo("SECRETPART");
        assertThat(canary.toString()).doesNotContain("SECRETPART");
        assertThat(canary.imap().display()).isEqualTo("imaps://canary@imap.example.org:993/INBOX");
    }

    @Test
    void canary_enabledButIncomplete_namesEveryMissingKeyWithItsLine() {
        String at = "dkim-agent.conf: 1: dkim-agent.canary.enabled: canary.enabled = true needs ";
        assertThat(problems("dkim-agent.canary.enabled = true")).containsExactlyInAnyOrder(
                at + "dkim-agent.canary.identities: 1 or more identities such as [\"mycompany.com\"]",
                at + "dkim-agent.canary.to: the canary mailbox's address such as \"canary@example.org\"",
                at + "dkim-agent.canary.mailbox.imap.host: an IMAP host name such as \"imap.example.org\"",
                at + "dkim-agent.canary.mailbox.imap.user: the IMAP login",
                at + "dkim-agent.canary.mailbox.imap.password: a password (from DKIM_AGENT_CANARY_IMAP_PASSWORD)"
                        + " or password-file");
        assertThat(problems(ENABLED.replace("host = \"imap.example.org\"", "host = \"\""))).containsExactly(
                "dkim-agent.conf: 5: dkim-agent.canary.mailbox.imap.host: expected an IMAP host name such as"
                        + " \"imap.example.org\" (required when canary.enabled = true), got ''");
    }

    @Test
    void canary_timeoutNotShorterThanInterval_andBadAddress_areRejected() {
        assertThat(problems("dkim-agent.canary {\n interval = 10m\n timeout = 10m\n from = \"nobody\"\n}"))
                .containsExactlyInAnyOrder(
                        "dkim-agent.conf: 3: dkim-agent.canary.timeout: expected a timeout shorter than"
                                + " canary.interval (PT10M), got '10m'",
                        "dkim-agent.conf: 4: dkim-agent.canary.from: expected an address such as"
                                + " \"dkim-canary@{domain}\", got 'nobody'");
    }

    @Test
    void canary_passwordFile_isRead_andBothAtOnceIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("imap-password"), "FROMFILE\n");
        String withFile = ENABLED.replace("password = \"SECRETPART\"", "password-file = \"" + file + "\"");

        assertThat(ConfigFixtures.load(withFile).canary().imap().password()).isEqualTo("FROMFILE");
        assertThat(problems(ENABLED.replace("password = \"SECRETPART\"",
                "password = \"SECRETPART\", password-file = \"" + file + "\"")))
                .containsExactly("dkim-agent.conf: 5: dkim-agent.canary.mailbox.imap.password-file: set password"
                        + " or password-file, not both");
    }

    @Test
    void canary_s3Mailbox_isNotSupportedYet_andATypoIsCaught() {
        assertThat(problems("dkim-agent.canary.mailbox.s3 { bucket = \"b\" }")).singleElement().asString()
                .contains("dkim-agent.canary.mailbox.s3: unknown key");
        assertThat(problems("dkim-agent.canary.mailbox.imap.hots = \"x\"")).singleElement().asString()
                .contains("unknown key, did you mean 'host'?");
    }
}
