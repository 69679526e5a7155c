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

    private static final String S3_ENABLED = """
            dkim-agent.canary {
              enabled = true
              identities = ["mycompany.com"]
              to = "canary@inbound.example.org"
              mailbox.s3 {
                bucket = "mycompany-dkim-canary"
                prefix = "dkim-canary/"
                region = "eu-west-1"
                endpoint = "http://127.0.0.1:9000"
              }
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
                at + "a mailbox: dkim-agent.canary.mailbox.imap { host, user, password } or"
                        + " dkim-agent.canary.mailbox.s3 { bucket, prefix }");
        assertThat(problems("dkim-agent.canary { enabled = true\n identities = [\"a.test\"], to = \"c@x.test\"\n"
                + " mailbox.imap.port = 143 }")).containsExactlyInAnyOrder(
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
    void canary_s3Mailbox_isRead_withItsRegionAndEndpoint() throws ConfigException {
        CanarySettings canary = ConfigFixtures.load(S3_ENABLED).canary();

        assertThat(canary.usesS3()).isTrue();
        assertThat(canary.s3()).isEqualTo(new CanarySettings.S3Settings("mycompany-dkim-canary", "dkim-canary/",
                "eu-west-1", "http://127.0.0.1:9000"));
        assertThat(canary.s3().display()).isEqualTo("s3://mycompany-dkim-canary/dkim-canary/");
        assertThat(ConfigFixtures.load(ENABLED).canary().usesS3()).isFalse();
    }

    @Test
    void canary_s3RegionDefaultsToTheFirstSesRegion() throws ConfigException {
        CanarySettings canary = ConfigFixtures.load(S3_ENABLED.replace("region = \"eu-west-1\"", "")).canary();

        assertThat(canary.s3().region()).isEmpty();
        assertThat(canary.s3().regionOr("us-west-2")).isEqualTo("us-west-2");
    }

    @Test
    void canary_bothMailboxes_isRejected_namingWhereTheOtherIs() {
        assertThat(problems(S3_ENABLED.replace("mailbox.s3 {", "mailbox.imap.host = \"imap.example.org\"\n"
                + "  mailbox.s3 {"))).singleElement().asString()
                .contains("dkim-agent.canary.mailbox.s3: set dkim-agent.canary.mailbox.imap or"
                        + " dkim-agent.canary.mailbox.s3, not both (dkim-agent.canary.mailbox.imap is set at"
                        + " dkim-agent.conf: 5)");
    }

    @Test
    void canary_s3Mailbox_badValues_areNamedWithTheirLine() {
        assertThat(problems("""
                dkim-agent.canary.mailbox.s3 {
                  bucket = "My_Bucket"
                  prefix = "/dkim-canary/"
                  region = "europe"
                  endpoint = "http://s3.example.org"
                  prefx = "x"
                }
                """)).containsExactlyInAnyOrder(
                "dkim-agent.conf: 2: dkim-agent.canary.mailbox.s3.bucket: expected an S3 bucket name such as"
                        + " \"mycompany-dkim-canary\" (3 to 63 lower-case letters, digits, dots and hyphens), got"
                        + " 'My_Bucket'",
                "dkim-agent.conf: 3: dkim-agent.canary.mailbox.s3.prefix: expected a key prefix without a leading '/'"
                        + " (write it as in the receipt rule, such as \"dkim-canary/\"), got '/dkim-canary/'",
                "dkim-agent.conf: 4: dkim-agent.canary.mailbox.s3.region: expected an AWS region such as"
                        + " \"eu-west-1\", got 'europe'",
                "dkim-agent.conf: 5: dkim-agent.canary.mailbox.s3.endpoint: plain http is only allowed to loopback;"
                        + " use https, got 'http://s3.example.org'",
                "dkim-agent.conf: 6: dkim-agent.canary.mailbox.s3.prefx: unknown key, did you mean 'prefix'?");
    }

    @Test
    void canary_s3MailboxWithoutBucket_whenEnabled_namesTheBucket() {
        assertThat(problems(S3_ENABLED.replace("bucket = \"mycompany-dkim-canary\"", ""))).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.canary.enabled: canary.enabled = true needs"
                        + " dkim-agent.canary.mailbox.s3.bucket: an S3 bucket name such as \"mycompany-dkim-canary\"");
    }

    @Test
    void canary_identityWithItsOwnRegion_sendsThere_othersUseTheDefault() throws ConfigException {
        CanarySettings canary = ConfigFixtures.load(ENABLED.replace("identities = [\"mycompany.com\"]",
                "identities = [\"mycompany.com\", { domain = \"MyCompany.EU\", region = \"eu-west-1\" }]")).canary();

        assertThat(canary.identities()).containsExactly("mycompany.com", "mycompany.eu");
        assertThat(canary.regionFor("mycompany.eu", "us-east-1")).isEqualTo("eu-west-1");
        assertThat(canary.regionFor("mycompany.com", "us-east-1")).isEqualTo("us-east-1");
    }

    @Test
    void canary_identityRegionAndRepeats_areChecked() {
        assertThat(problems("dkim-agent.canary.identities = [\"a.test\", { domain = \"A.test\" },"
                + " { domain = \"b.test\", region = \"Frankfurt\", zone = \"x\" }]")).containsExactlyInAnyOrder(
                "dkim-agent.conf: 1: dkim-agent.canary.identities[1].domain: identity 'a.test' is listed twice;"
                        + " list each once",
                "dkim-agent.conf: 1: dkim-agent.canary.identities[2].region: expected an AWS region such as"
                        + " \"eu-west-1\", got 'Frankfurt'",
                "dkim-agent.conf: 1: dkim-agent.canary.identities[2].zone: unknown key, expected one of domain, region");
    }

    @Test
    void canary_aTypoInTheMailboxIsCaught() {
        assertThat(problems("dkim-agent.canary.mailbox.s4 { bucket = \"b\" }")).singleElement().asString()
                .contains("dkim-agent.canary.mailbox.s4: unknown key, did you mean 's3'?");
        assertThat(problems("dkim-agent.canary.mailbox.imap.hots = \"x\"")).singleElement().asString()
                .contains("unknown key, did you mean 'host'?");
    }
}
