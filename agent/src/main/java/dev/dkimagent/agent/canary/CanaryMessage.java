package dev.dkimagent.agent.canary;

import java.time.Instant;
import java.util.UUID;

/**
 * One canary message: a unique id in its own header, so the mailbox reads and deletes only it.
 *
 * @param id       unique per round; the value of {@link #HEADER}
 * @param identity the domain the round proves
 * @param from     the From address
 * @param to       the canary mailbox's address
 */
public record CanaryMessage(String id, String identity, String from, String to) {
    /** The header that marks a canary message; the mailbox searches for it, nothing else. */
    public static final String HEADER = "X-Dkim-Agent-Canary";

    public static CanaryMessage create(String identity, String from, String to) {
        return new CanaryMessage(UUID.randomUUID().toString(), identity, from, to);
    }

    public String subject() {
        return "dkim-agent canary for " + identity;
    }

    /** A body with trailing spaces and a long line, so relaxed and simple canonicalization both matter. */
    public String text(Instant sentAt) {
        return "This message proves that mail from " + identity + " sent through Amazon SES is DKIM-signed.\n"
                + "Sent at " + sentAt + " by dkim-agent; it is deleted when read. Canary id " + id + ".\n";
    }
}
