package dev.dkimagent.agent.store;

import java.time.Instant;

/**
 * One row of {@code alert_state}: a tracked finding as the store keeps it. The store knows the
 * columns it queries by; how the finding is shown lives in {@code line}, in its owner's format.
 *
 * @param group        the identity (or zone apex, or SES source) the finding groups under
 * @param status       the lifecycle status, as its owner spells it
 * @param lastNotified null when never announced
 */
public record AlertStateRow(String key, String group, String status, int hits, int cleanSweeps, Instant firstSeen,
                            Instant lastNotified, Document line) {
}
