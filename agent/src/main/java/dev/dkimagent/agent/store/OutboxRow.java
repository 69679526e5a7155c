package dev.dkimagent.agent.store;

import java.time.Instant;

/** An outbox row as stored: status {@code pending}, {@code delivered} or {@code permanent}. */
public record OutboxRow(long id, String identity, String status, int attempts, Instant nextAttempt, String messageRef,
                        String lastError) {
}
