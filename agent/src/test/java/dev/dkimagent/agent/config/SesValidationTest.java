package dev.dkimagent.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.util.List;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SesValidationTest {

    @Test
    void regions_validForms_areKept() throws ConfigException {
        assertThat(ConfigFixtures.load(
                "dkim-agent.ses.regions = [us-east-1, eu-west-1, ap-southeast-2, us-gov-west-1]").ses().regions())
                .containsExactly("us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1");
    }

    @Test
    void regions_emptyMalformedAndRepeated_areRejected() {
        assertThat(problems("dkim-agent.ses.regions = []")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.ses.regions: expected a list of 1 or more AWS regions such as"
                        + " \"us-east-1\", got 0");
        assertThat(problems("""
                dkim-agent.ses.regions = [
                  "US-EAST-1"
                  "us-east"
                  "eu-west-1"
                  "eu-west-1"
                ]
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.ses.regions[0]: expected an AWS region such as \"us-east-1\","
                        + " got 'US-EAST-1'",
                "dkim-agent.conf: 3: dkim-agent.ses.regions[1]: expected an AWS region such as \"us-east-1\","
                        + " got 'us-east'",
                "dkim-agent.conf: 5: dkim-agent.ses.regions[3]: region 'eu-west-1' is listed twice");
    }

    @Test
    void endpoint_httpsOrLoopbackHttp_isAccepted() throws ConfigException {
        assertThat(ConfigFixtures.load("dkim-agent.ses.endpoint = \"https://email.us-east-1.amazonaws.com\"")
                .ses().endpoint()).isEqualTo("https://email.us-east-1.amazonaws.com");
        assertThat(ConfigFixtures.load("dkim-agent.ses.endpoint = \"http://127.0.0.1:4566\"").ses().endpoint())
                .isEqualTo("http://127.0.0.1:4566");
        assertThat(ConfigFixtures.load("dkim-agent.ses.endpoint = \"http://localhost:4566\"").ses().endpoint())
                .isEqualTo("http://localhost:4566");
        assertThat(ConfigFixtures.load("dkim-agent.ses.endpoint = \"http://[::1]:4566\"").ses().endpoint())
                .isEqualTo("http://[::1]:4566");
    }

    @Test
    void endpoint_plainHttpOffLoopbackOrNotAUrl_isRejected() {
        assertThat(problems("""
                dkim-agent.ses {
                  endpoint = "http://email.us-east-1.amazonaws.com"
                }
                dkim-agent.ses.regions = ["us-east-1"]
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.ses.endpoint: plain http is only allowed to loopback; use https,"
                        + " got 'http://email.us-east-1.amazonaws.com'");
        assertThat(problems("dkim-agent.ses.endpoint = \"email.us-east-1.amazonaws.com\"")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.ses.endpoint: expected \"\" or an absolute http(s) URL such as"
                        + " \"https://email.us-east-1.amazonaws.com\", got 'email.us-east-1.amazonaws.com'");
    }

    @Test
    void stsEndpoint_defaultEmpty_httpsOrLoopbackHttpAccepted_separateFromEndpoint() throws ConfigException {
        assertThat(ConfigFixtures.load("dkim-agent.ses.endpoint = \"http://127.0.0.1:4566\"").ses().stsEndpoint())
                .isEmpty();
        SesSettings both = ConfigFixtures.load("""
                dkim-agent.ses.endpoint = "https://vpce-0abc.email.us-east-1.vpce.amazonaws.com"
                dkim-agent.ses.sts-endpoint = "https://sts.us-east-1.amazonaws.com"
                """).ses();
        assertThat(both.endpoint()).isEqualTo("https://vpce-0abc.email.us-east-1.vpce.amazonaws.com");
        assertThat(both.stsEndpoint()).isEqualTo("https://sts.us-east-1.amazonaws.com");
        assertThat(ConfigFixtures.load("dkim-agent.ses.sts-endpoint = \"http://localhost:4566\"").ses().stsEndpoint())
                .isEqualTo("http://localhost:4566");
    }

    @Test
    void stsEndpoint_plainHttpOffLoopbackOrNotAUrl_isRejected() {
        assertThat(problems("dkim-agent.ses.sts-endpoint = \"http://sts.us-east-1.amazonaws.com\"")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.ses.sts-endpoint: plain http is only allowed to loopback; use https,"
                        + " got 'http://sts.us-east-1.amazonaws.com'");
        assertThat(problems("dkim-agent.ses.sts-endpoint = \"sts.us-east-1.amazonaws.com\"")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.ses.sts-endpoint: expected \"\" or an absolute http(s) URL such as"
                        + " \"https://sts.us-east-1.amazonaws.com\", got 'sts.us-east-1.amazonaws.com'");
    }

    @Test
    void accounts_badNamesArnsUnknownKeysAndDuplicates_areEachReported() {
        assertThat(problems("""
                dkim-agent.ses.accounts = [
                  { name = "prod", role-arn = "arn:aws:iam::123456789012:role/dkim-agent" }
                  { name = "prod", role-arn = "arn:aws:iam::123456789012:role/other" }
                  { name = "my prod", role-arn = "arn:aws:iam::1234:role/x" }
                  { role-arn = "arn:aws:iam::123456789012:role/dkim-agent", externalid = "x" }
                  "prod"
                ]
                """)).containsExactly(
                "dkim-agent.conf: 3: dkim-agent.ses.accounts[1].name: duplicate account name 'prod', already at"
                        + " dkim-agent.ses.accounts[0].name (dkim-agent.conf: 2); names must be unique",
                "dkim-agent.conf: 4: dkim-agent.ses.accounts[2].name: expected an account name (letters, digits,"
                        + " '-' or '_'), got 'my prod'",
                "dkim-agent.conf: 4: dkim-agent.ses.accounts[2].role-arn: expected an IAM role ARN such as"
                        + " \"arn:aws:iam::123456789012:role/dkim-agent\", got 'arn:aws:iam::1234:role/x'",
                "dkim-agent.conf: 5: dkim-agent.ses.accounts[3].externalid: unknown key, did you mean"
                        + " 'external-id'?",
                "dkim-agent.conf: 5: dkim-agent.ses.accounts[3].name: expected an account name (letters, digits,"
                        + " '-' or '_'), got nothing",
                "dkim-agent.conf: 6: dkim-agent.ses.accounts[4]: expected an account { name = ..., role-arn = ...,"
                        + " external-id = ... }, got 'prod'");
    }

    @Test
    void globs_emptyOrNotAList_areRejected() {
        assertThat(problems("""
                dkim-agent.ses {
                  match = ["*.mycompany.com", ""]
                  ignore = "test.*"
                }
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.ses.match[1]: expected a non-empty glob such as"
                        + " \"*.mycompany.com\", got ''",
                "dkim-agent.conf: 3: dkim-agent.ses.ignore: expected a list of globs such as \"*.mycompany.com\","
                        + " got 'test.*'");
    }

    @Test
    void include_unquotedInsideTheBlock_isHoconsIncludeKeyword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dkim-agent.conf");
        Files.writeString(file, "dkim-agent.ses {\n  include = [\"*\"]\n}\n");

        assertThatThrownBy(() -> SettingsLoader.load(file, ConfigFixtures.CODES))
                .isInstanceOf(ConfigException.class)
                .hasMessage("dkim-agent.conf: 2: include keyword is not followed by a quoted string, but by: '='"
                        + " (to filter SES identities write match = [\"*\"]; include was renamed match)");
    }

    @Test
    void match_dottedPath_needsNoQuotes() throws ConfigException {
        assertThat(ConfigFixtures.load("dkim-agent.ses.match = [\"*.mycompany.com\"]").ses().include())
                .containsExactly("*.mycompany.com");
    }

    @Test
    void limits_fractionalRateAndZeroBudget_areAccepted() throws ConfigException {
        SesSettings ses = ConfigFixtures.load("""
                dkim-agent.ses { max-requests-per-second = 0.5, detail-budget = 0 }
                """).ses();

        assertThat(ses.maxRequestsPerSecond()).isEqualTo(0.5);
        assertThat(ses.detailBudget()).isZero();
        assertThat(ses.detailInterval()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void limits_outOfRange_areRejected() {
        assertThat(problems("""
                dkim-agent.ses {
                  max-requests-per-second = 0
                  detail-interval = 0s
                  detail-budget = -1
                  api-call-timeout = fast
                  enabled = yes please
                }
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.ses.max-requests-per-second: expected a number > 0, got '0'",
                "dkim-agent.conf: 3: dkim-agent.ses.detail-interval: expected a duration > 0, got '0s'",
                "dkim-agent.conf: 4: dkim-agent.ses.detail-budget: expected an integer >= 0, got '-1'",
                "dkim-agent.conf: 5: dkim-agent.ses.api-call-timeout: expected a duration such as 500ms, 2s, 5m"
                        + " or 1d, got 'fast'",
                "dkim-agent.conf: 6: dkim-agent.ses.enabled: expected true or false, got 'yes please'");
    }

    @Test
    void ses_typoAndNotAnObject_areRejected() {
        assertThat(problems("dkim-agent.ses.region = [us-east-1]")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.ses.region: unknown key, did you mean 'regions'?");
        assertThat(problems("dkim-agent.ses = true")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.ses: expected an object with the SES settings, got 'true'");
    }

    @Test
    void accounts_empty_meansTheDefaultCredentialsChain() throws ConfigException {
        assertThat(ConfigFixtures.load("dkim-agent.ses.enabled = true").ses().accounts()).isEqualTo(List.of());
    }
}
