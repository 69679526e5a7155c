package dev.dkimagent.agent.alert.slack;

/**
 * How to reach Slack ({@code dkim-agent.alerting.slack}): the one settings type for it, read by
 * the configuration loader (which validates it) and used by the channels. "" means not set; null
 * is taken as "". The webhook URL and the bot token are secrets (the URL's path is the
 * credential): {@link #toString()} never shows them.
 *
 * @param webhookUrl an incoming-webhook URL
 * @param botToken   a bot token ({@code xoxb-...}) for chat.postMessage / chat.update
 * @param channel    where the bot posts; a channel ID ({@code C0123456789}) is best, since
 *                   {@code chat.update} needs the ID and a name only works until a restart
 * @param apiUrl     the Web API base URL without {@code /api/} (tests, proxies); "" for Slack's own
 */
public record SlackSettings(String webhookUrl, String botToken, String channel, String apiUrl) {

    /** Which channel the settings select. */
    public enum Mode { WEBHOOK, BOT, NONE }

    public SlackSettings {
        webhookUrl = orEmpty(webhookUrl);
        botToken = orEmpty(botToken);
        channel = orEmpty(channel);
        apiUrl = orEmpty(apiUrl);
    }

    /**
     * WEBHOOK when a webhook URL is set, BOT when a bot token and channel are set, NONE otherwise.
     * (The loader rejects a webhook URL and a bot token together, and a bot token without a channel.)
     */
    public Mode mode() {
        if (present(webhookUrl)) {
            return Mode.WEBHOOK;
        }
        if (present(botToken) && present(channel)) {
            return Mode.BOT;
        }
        return Mode.NONE;
    }

    /** The secrets these settings hold, for redaction. */
    String[] secrets() {
        return new String[] {webhookUrl, botToken};
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode() + ", webhookUrl=" + redacted(webhookUrl) + ", botToken="
                + redacted(botToken) + ", channel=" + channel + ", apiUrl=" + apiUrl + "]";
    }

    /** "" stays "" (that it is unset is no secret, and helps); anything else is {@code <redacted>}. */
    private static String redacted(String secret) {
        return secret.isEmpty() ? "" : "<redacted>";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
