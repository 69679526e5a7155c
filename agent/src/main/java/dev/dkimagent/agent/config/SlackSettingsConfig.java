package dev.dkimagent.agent.config;

/**
 * {@code dkim-agent.alerting.slack}: an incoming webhook, or a bot token and a channel. All "" when unset.
 * {@link #toString()} never shows the webhook URL or the token: both are secrets.
 *
 * @param webhookUrl incoming webhook URL (secret)
 * @param botToken   "xoxb-..." for chat.postMessage / chat.update (secret)
 * @param channel    the channel a bot posts to
 * @param apiUrl     override of the Web API base URL (tests)
 */
public record SlackSettingsConfig(String webhookUrl, String botToken, String channel, String apiUrl) {

    @Override
    public String toString() {
        return "SlackSettingsConfig[webhookUrl=" + Secrets.redact(webhookUrl) + ", botToken=" + Secrets.redact(botToken)
                + ", channel=" + channel + ", apiUrl=" + apiUrl + "]";
    }
}
