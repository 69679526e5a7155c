package dev.dkimagent.agent.canary;

import java.util.Optional;

/** Where canary messages arrive. Reads only messages carrying the canary header with this id. */
public interface CanaryMailbox {

    /** The raw message with this canary id, deleted from the mailbox once read; empty when not there (yet). */
    Optional<byte[]> take(String id) throws CanaryException;

    /** Where it looks, without secrets, e.g. imaps://user@host:993/INBOX. */
    String display();
}
