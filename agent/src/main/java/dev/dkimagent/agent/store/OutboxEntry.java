package dev.dkimagent.agent.store;

import java.time.Instant;

/**
 * A message to enqueue: due at {@code at}, delivered per identity in the order enqueued.
 *
 * @param payload the message in its owner's format
 */
public record OutboxEntry(String identity, Instant at, Document payload) {
}
