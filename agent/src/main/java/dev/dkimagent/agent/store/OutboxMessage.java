package dev.dkimagent.agent.store;

/**
 * A pending message taken from the outbox.
 *
 * @param id       outbox order: per identity, messages go out in ascending id
 * @param payload  the message as its owner encoded it
 * @param attempts delivery attempts made so far
 */
public record OutboxMessage(long id, String identity, Document payload, int attempts) {
}
