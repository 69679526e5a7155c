package dev.dkimagent.agent.config;

import dev.dkimagent.agent.alert.slack.SlackSettings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings end up in logs and exception messages: their toString() must not carry secrets. */
class SecretsRedactionTest {

    @Test
    void slackToString_redactsWebhookUrlAndBotToken() {
        String text = new SlackSettings("https://hooks.slack.com/services/T/B/SECRETURL", "xoxb-SECRETTOKEN",
                "#dkim-alerts", "https://slack.com/api/").toString();

        assertThat(text).isEqualTo("SlackSettings[mode=WEBHOOK, webhookUrl=<redacted>, botToken=<redacted>,"
                + " channel=#dkim-alerts, apiUrl=https://slack.com/api/, readTimeout=PT30S]");
    }

    @Test
    void slackToString_showsUnsetSecretsAsEmpty() {
        assertThat(new SlackSettings(null, "", "", null).toString())
                .isEqualTo("SlackSettings[mode=NONE, webhookUrl=, botToken=, channel=, apiUrl=, readTimeout=PT30S]");
    }

    @Test
    void stateToString_redactsThePassword() {
        assertThat(new StateSettings("jdbc:postgresql://db/x", "agent", "SECRETPW").toString())
                .isEqualTo("StateSettings[url=jdbc:postgresql://db/x, user=agent, password=<redacted>]");
    }

    @Test
    void settingsToString_carriesNoSecretOfTheExample() throws ConfigException {
        String text = SettingsLoader.load(java.nio.file.Path.of("src/test/resources/config/example.conf"),
                ConfigFixtures.CODES).toString();

        assertThat(text).contains("botToken=<redacted>", "password=<redacted>")
                .doesNotContain("xoxb-1234-5678-abcdef", "s3cret-pw");
    }
}
