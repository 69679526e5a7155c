package dev.dkimagent.agent.store;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code ses_memory}: what earlier sweeps saw of one identity in one account and region.
 *
 * @param lastStatus  SES's status name as last seen, or null
 * @param lastSuccess the last time SUCCESS was seen, or null
 */
public record SesMemoryRow(String key, String lastStatus, Instant lastSuccess, List<String> tokens) {

    public SesMemoryRow {
        tokens = List.copyOf(tokens);
    }
}
