package dev.dkimagent.rules.model;

import java.time.Instant;
import java.util.List;

/**
 * What earlier sweeps remembered of one identity in one account and region (from the store; empty
 * for a one-shot check).
 *
 * @param lastStatus  the status seen in the previous sweep, or null
 * @param lastSuccess the last time a sweep saw SUCCESS, or null
 * @param lastTokens  the tokens seen in the previous sweep (empty if none)
 */
public record SesMemory(DkimStatus lastStatus, Instant lastSuccess, List<String> lastTokens) {

    public SesMemory {
        lastTokens = List.copyOf(lastTokens);
    }
}
