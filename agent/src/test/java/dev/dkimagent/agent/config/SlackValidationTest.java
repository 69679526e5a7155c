package dev.dkimagent.agent.config;

import dev.dkimagent.agent.alert.slack.SlackSettings;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** The webhook URL and the bot token are secrets: no problem may quote them. */
class SlackValidationTest {
    private static final String SECRET_URL = "http://hooks.slack.com/services/T0/B0/SECRETPART";
    private static final String SECRET_TOKEN = "xoxp-SECRETPART";

    @Test
    void webhook_httpsOrLoopbackHttp_isAccepted() throws ConfigException {
        assertThat(ConfigFixtures.load("dkim-agent.alerting.slack.webhook-url = \"https://hooks.slack.com/services/T/B/x\"")
                .alerting().slack().webhookUrl()).isEqualTo("https://hooks.slack.com/services/T/B/x");
        assertThat(ConfigFixtures.load("dkim-agent.alerting.slack.webhook-url = \"http://127.0.0.1:8099/hook\"")
                .alerting().slack().webhookUrl()).isEqualTo("http://127.0.0.1:8099/hook");
    }

    @Test
    void webhook_plainHttpOffLoopback_isRejectedWithoutQuotingIt() {
        List<String> problems = problems("dkim-agent.alerting.slack.webhook-url = \"" + SECRET_URL + "\"");

        assertThat(problems).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.alerting.slack.webhook-url: expected an https URL"
                        + " (the value is not shown: it is a secret)");
        assertThat(String.join("\n", problems)).doesNotContain("SECRETPART");
    }

    @Test
    void webhook_notAUrl_isRejectedWithoutQuotingIt() {
        assertThat(problems("dkim-agent.alerting.slack.webhook-url = \"SECRETPART\"")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.alerting.slack.webhook-url: expected an https URL"
                        + " (the value is not shown: it is a secret)");
    }

    @Test
    void botToken_notXoxb_isRejectedWithoutQuotingIt() {
        List<String> problems = problems("""
                dkim-agent.alerting.slack {
                  bot-token = "%s"
                  channel = "#dkim-alerts"
                }
                """.formatted(SECRET_TOKEN));

        assertThat(problems).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.alerting.slack.bot-token: expected a bot token starting with"
                        + " \"xoxb-\" (the value is not shown: it is a secret)");
        assertThat(String.join("\n", problems)).doesNotContain("SECRETPART");
    }

    @Test
    void botToken_withoutChannel_isRejected() {
        assertThat(problems("dkim-agent.alerting.slack.bot-token = \"xoxb-SECRETPART\"")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.alerting.slack.bot-token: a bot token needs a channel: set"
                        + " dkim-agent.alerting.slack.channel (a name such as \"#dkim-alerts\" or a channel ID)");
    }

    @Test
    void webhookAndBotToken_bothSet_isRejected() {
        assertThat(problems("""
                dkim-agent.alerting.slack {
                  webhook-url = "https://hooks.slack.com/services/T/B/x"
                  bot-token = "xoxb-SECRETPART"
                  channel = "#dkim-alerts"
                }
                """)).containsExactly(
                "dkim-agent.conf: 3: dkim-agent.alerting.slack.bot-token: set either webhook-url or bot-token,"
                        + " not both");
    }

    @Test
    void botTokenWithChannelAndApiUrl_isAccepted() throws ConfigException {
        SlackSettings slack = ConfigFixtures.load("""
                dkim-agent.alerting.slack {
                  bot-token = "xoxb-1-2-abc"
                  channel = "C0123456789"
                  api-url = "http://127.0.0.1:8099/api/"
                }
                """).alerting().slack();

        assertThat(slack).isEqualTo(new SlackSettings("", "xoxb-1-2-abc", "C0123456789",
                "http://127.0.0.1:8099/api/"));
    }

    @Test
    void apiUrl_notAUrl_isRejected() {
        assertThat(problems("dkim-agent.alerting.slack.api-url = \"slack.com/api\"")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.alerting.slack.api-url: expected \"\" or an absolute http(s) URL"
                        + " such as \"https://slack.com/api/\", got 'slack.com/api'");
    }

    @Test
    void slack_unknownKey_isRejectedWithASuggestion() {
        assertThat(problems("dkim-agent.alerting.slack.webhok-url = \"https://hooks.slack.com/x\"")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.alerting.slack.webhok-url: unknown key, did you mean 'webhook-url'?");
    }

    @Test
    void readTimeout_defaultsTo30s_andIsSettable() throws ConfigException {
        assertThat(ConfigFixtures.load("").alerting().slack().readTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(ConfigFixtures.load("dkim-agent.alerting.slack.read-timeout = 45s").alerting().slack().readTimeout())
                .isEqualTo(java.time.Duration.ofSeconds(45));
    }

    @Test
    void readTimeout_zeroOrNotADuration_isRejectedNamingTheKey() {
        assertThat(problems("dkim-agent.alerting.slack.read-timeout = 0s")).singleElement().asString()
                .startsWith("dkim-agent.conf: 1: dkim-agent.alerting.slack.read-timeout: expected a duration > 0");
        assertThat(problems("dkim-agent.alerting.slack.read-timeout = soon")).singleElement().asString()
                .startsWith("dkim-agent.conf: 1: dkim-agent.alerting.slack.read-timeout: expected a duration");
    }
}
