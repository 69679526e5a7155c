package dev.dkimagent.agent.config;

import java.time.Duration;
import java.util.List;

/**
 * {@code dkim-agent.canary}.
 *
 * @param enabled          send canary messages at all
 * @param interval         how often each identity sends one
 * @param timeout          how long to wait for it in the mailbox
 * @param identities       the domains to prove
 * @param from             the From address, {@code {domain}} replaced per identity
 * @param to               the canary mailbox's address
 * @param configurationSet an SES configuration set, or "" for none
 * @param imap             the mailbox
 */
public record CanarySettings(boolean enabled, Duration interval, Duration timeout, List<String> identities,
                             String from, String to, String configurationSet, ImapSettings imap) {

    public CanarySettings {
        identities = List.copyOf(identities);
    }

    /** The From address of one identity. */
    public String fromFor(String domain) {
        return from.replace("{domain}", domain);
    }

    public static CanarySettings disabled() {
        return new CanarySettings(false, Duration.ofHours(6), Duration.ofMinutes(10), List.of(), "dkim-canary@{domain}",
                "", "", new ImapSettings("", 993, true, "", "", "INBOX"));
    }

    /**
     * {@code dkim-agent.canary.mailbox.imap}. The password never appears in {@link #toString()}.
     */
    public record ImapSettings(String host, int port, boolean tls, String user, String password, String folder) {

        /** Where the canary looks, without secrets, for messages and findings: imaps://user@host:993/INBOX. */
        public String display() {
            return (tls ? "imaps" : "imap") + "://" + user + "@" + host + ":" + port + "/" + folder;
        }

        @Override
        public String toString() {
            return "ImapSettings[" + display() + ", password " + Secrets.REDACTED + "]";
        }
    }
}
