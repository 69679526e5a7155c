package dev.dkimagent.agent.alert.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.AlertChannel;
import dev.dkimagent.agent.alert.LogChannel;
import dev.dkimagent.agent.alert.slack.SlackSettings.Mode;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    private static final String URL = "https://hooks.slack.com/services/T000/B000/SECRETPATH";

    @Test
    void mode_webhookSet_webhookEvenWithAToken() {
        assertThat(new SlackSettings(URL, "xoxb-1", "C1", null).mode()).isEqualTo(Mode.WEBHOOK);
    }

    @Test
    void mode_tokenAndChannel_bot() {
        assertThat(new SlackSettings(" ", "xoxb-1", "C1", null).mode()).isEqualTo(Mode.BOT);
    }

    @Test
    void mode_tokenWithoutChannelOrNothing_none() {
        assertThat(new SlackSettings(null, "xoxb-1", "", null).mode()).isEqualTo(Mode.NONE);
        assertThat(new SlackSettings(null, null, null, null).mode()).isEqualTo(Mode.NONE);
    }

    @Test
    void toString_hidesTheSecrets() {
        assertThat(new SlackSettings(URL, "xoxb-1-secret", "C1", null).toString())
                .doesNotContain("SECRETPATH", "xoxb").contains("WEBHOOK", "C1");
    }

    @Test
    void create_picksTheChannelForTheMode() throws Exception {
        try (SlackWebhookChannel webhook = (SlackWebhookChannel) SlackChannels.create(new SlackSettings(URL, null, null, null));
             SlackBotChannel bot = (SlackBotChannel) SlackChannels.create(new SlackSettings(null, "xoxb-1", "C1", null))) {
            AlertChannel log = SlackChannels.create(new SlackSettings(null, null, null, null));

            assertThat(webhook.name()).isEqualTo("slack_webhook");
            assertThat(bot.name()).isEqualTo("slack_bot");
            assertThat(log).isInstanceOf(LogChannel.class);
        }
    }

    @Test
    void redactor_removesTokenUrlPathAndTokenShapes() {
        Redactor redactor = new Redactor(URL, "xoxb-1-secret");

        assertThat(redactor.clean("posting to " + URL + " or /services/T000/B000/SECRETPATH with xoxb-1-secret, xoxp-9-9"))
                .doesNotContain("SECRETPATH", "xoxb-1-secret", "xoxp-9-9");
    }

    @Test
    void retryAfter_secondsOrNothing() {
        assertThat(RetryAfter.parse("3")).hasSeconds(3);
        assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:28:00 GMT")).isNull();
        assertThat(RetryAfter.parse(null)).isNull();
    }

    @Test
    void fingerprint_sameSettingsSame_otherUrlOrChannelOther_neverTheSecret() {
        String a = new SlackSettings(URL, null, null, null).fingerprint();

        assertThat(new SlackSettings(URL, null, null, null, java.time.Duration.ofSeconds(5)).fingerprint())
                .as("the read timeout does not decide where posts go").isEqualTo(a);
        assertThat(new SlackSettings(URL + "X", null, null, null).fingerprint()).isNotEqualTo(a);
        assertThat(new SlackSettings(null, "xoxb-1", "C1", null).fingerprint())
                .isNotEqualTo(new SlackSettings(null, "xoxb-1", "C2", null).fingerprint());
        assertThat(a).matches("[0-9a-f]{16}").doesNotContain("SECRETPATH");
    }

    @Test
    void readTimeout_defaultsTo30Seconds() {
        assertThat(new SlackSettings(URL, null, null, null).readTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(new SlackSettings(URL, null, null, null, null).readTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
    }
}
