package dev.dkimagent.agent.store;

/**
 * A pending message this node has claimed (cluster mode).
 *
 * @param takenFrom the node whose claim had lapsed when this node took the message over (it stopped
 *                  renewing: it died or lost the database); null when nobody held it
 */
public record OutboxClaim(OutboxMessage message, String takenFrom) {
}
