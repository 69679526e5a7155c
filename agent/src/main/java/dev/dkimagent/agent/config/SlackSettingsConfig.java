package dev.dkimagent.agent.config;

import dev.dkimagent.agent.alert.slack.SlackSettings;

/**
 * {@code dkim-agent.alerting.slack}: an incoming webhook, or a bot token and a channel. All "" when unset.
 * {@link #toString()} never shows the webhook URL or the token: both are secrets.
 *
 * @param webhookUrl incoming webhook URL (secret)
 * @param botToken   "xoxb-..." for chat.postMessage / chat.update (secret)
 * @param channel    the channel a bot posts to
 * @param apiUrl     override of the Web API base URL (tests)
 * @param readTimeout how long a post waits for Slack's answer before it counts as uncertain
 */
public record SlackSettingsConfig(String webhookUrl, String botToken, String channel, String apiUrl,
                                  java.time.Duration readTimeout) {

    /** With the default read timeout (reference.conf's). */
    public SlackSettingsConfig(String webhookUrl, String botToken, String channel, String apiUrl) {
        this(webhookUrl, botToken, channel, apiUrl, SlackSettings.DEFAULT_READ_TIMEOUT);
    }

    @Override
    public String toString() {
        return "SlackSettingsConfig[webhookUrl=" + Secrets.redact(webhookUrl) + ", botToken=" + Secrets.redact(botToken)
                + ", channel=" + channel + ", apiUrl=" + apiUrl + ", readTimeout=" + readTimeout + "]";
    }
}
