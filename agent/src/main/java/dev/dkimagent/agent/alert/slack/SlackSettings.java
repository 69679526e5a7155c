package dev.dkimagent.agent.alert.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * How to reach Slack ({@code dkim-agent.alerting.slack}): the one settings type for it, read by
 * the configuration loader (which validates it) and used by the channels. "" means not set; null
 * is taken as "". The webhook URL and the bot token are secrets (the URL's path is the
 * credential): {@link #toString()} never shows them.
 *
 * @param webhookUrl  an incoming-webhook URL
 * @param botToken    a bot token ({@code xoxb-...})
 * @param channel     where the bot posts; a channel ID ({@code C0123456789}) is best, since
 *                    {@code chat.update} needs the ID and a name only works until a restart
 * @param apiUrl      the Web API base URL without {@code /api/} (tests, proxies); "" for Slack's own
 * @param readTimeout how long to wait for Slack's answer once a request is sent; a post still
 *                    unanswered then is "uncertain" (it may have been taken)
 */
public record SlackSettings(String webhookUrl, String botToken, String channel, String apiUrl,
                            Duration readTimeout) {

    /** Slack answers chat.postMessage in well under a second; 30 s leaves room for its slow days. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /** With the default read timeout. */
    public SlackSettings(String webhookUrl, String botToken, String channel, String apiUrl) {
        this(webhookUrl, botToken, channel, apiUrl, DEFAULT_READ_TIMEOUT);
    }

    /** Which channel the settings select. */
    public enum Mode { WEBHOOK, BOT, NONE }

    public SlackSettings {
        readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
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

    /**
     * 16 hex digits of SHA-256 over what decides where posts go (mode, URL, token, channel, API
     * URL): equal settings give equal fingerprints; the secrets cannot be recovered from it.
     */
    public String fingerprint() {
        String all = String.join("\n", mode().name(), nz(webhookUrl), nz(botToken), nz(channel), nz(apiUrl));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The secrets these settings hold, for redaction. */
    String[] secrets() {
        return new String[] {webhookUrl, botToken};
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode() + ", webhookUrl=" + redacted(webhookUrl) + ", botToken="
                + redacted(botToken) + ", channel=" + channel + ", apiUrl=" + apiUrl + ", readTimeout=" + readTimeout + "]";
    }

    /** "" stays "" (that it is unset is no secret, and helps); anything else is {@code <redacted>}. */
    private static String redacted(String secret) {
        return secret.isEmpty() ? "" : "<redacted>";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
