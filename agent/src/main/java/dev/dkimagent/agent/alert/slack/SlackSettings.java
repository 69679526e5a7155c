package dev.dkimagent.agent.alert.slack;

/**
 * How to reach Slack. The webhook URL and the bot token are secrets (the URL's path is the
 * credential): {@link #toString()} never shows them.
 *
 * @param webhookUrl an incoming-webhook URL, or null/blank
 * @param botToken   a bot token ({@code xoxb-...}), or null/blank
 * @param channel    where the bot posts; a channel ID ({@code C0123456789}) is best, since
 *                   {@code chat.update} needs the ID and a name only works until a restart
 * @param apiUrl     the Web API base URL without {@code /api/} (tests, proxies), or null/blank for Slack's own
 */
public record SlackSettings(String webhookUrl, String botToken, String channel, String apiUrl) {

    /** Which channel the settings select. */
    public enum Mode { WEBHOOK, BOT, NONE }

    /** WEBHOOK when a webhook URL is set (it wins), BOT when a bot token and channel are set, NONE otherwise. */
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
        return "SlackSettings[mode=" + mode() + ", webhookUrl=" + (present(webhookUrl) ? "(secret)" : "none")
                + ", botToken=" + (present(botToken) ? "(secret)" : "none")
                + ", channel=" + channel + ", apiUrl=" + apiUrl + "]";
    }
}
