package dev.dkimagent.agent.store;

import java.time.Instant;

/**
 * An identity's open incident: it opened with the first delivered firing message.
 *
 * @param threadRef the channel's id of that message, to reply under; null when the channel gives none
 */
public record Incident(String identity, String threadRef, Instant openedAt) {
}
