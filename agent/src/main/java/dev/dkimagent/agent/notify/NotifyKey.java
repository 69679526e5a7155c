package dev.dkimagent.agent.notify;

/**
 * A TSIG key NOTIFY messages may be signed with.
 *
 * @param name      the key name, as the primary's configuration names it (e.g. {@code agent-notify.})
 * @param algorithm e.g. {@code hmac-sha256}
 * @param secret    the base64 secret; never printed
 */
public record NotifyKey(String name, String algorithm, String secret) {
    @Override
    public String toString() {
        return "NotifyKey[name=" + name + ", algorithm=" + algorithm + ", secret=<redacted>]";
    }
}
