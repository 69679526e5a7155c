package dev.dkimagent.agent.store;

import dev.dkimagent.agent.alert.Notification;

/**
 * A pending notification taken from the outbox.
 *
 * @param id       outbox order: per identity, messages go out in ascending id
 * @param attempts delivery attempts made so far
 */
public record OutboxMessage(long id, String identity, Notification notification, int attempts) {
}
