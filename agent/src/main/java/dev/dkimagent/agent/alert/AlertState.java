package dev.dkimagent.agent.alert;

import java.time.Instant;

/**
 * What the agent remembers about one finding between sweeps.
 *
 * @param key          the finding's key ({@code Finding.key()})
 * @param identity     the identity it groups under: the finding's identity, or its zone apex
 * @param hits         consecutive sweeps the finding was seen
 * @param clean        consecutive clean sweeps since it was last seen (firing findings only)
 * @param firstSeen    the sweep that first saw it in this run of hits
 * @param lastNotified the sweep whose notification last announced it; null if never announced
 *                     (still pending, or below min-severity)
 * @param line         how it was last shown, so a resolution can repeat it
 */
public record AlertState(String key, String identity, AlertStatus status, int hits, int clean, Instant firstSeen,
                         Instant lastNotified, AlertLine line) {
}
