package dev.dkimagent.agent.store;

import java.time.Instant;

/**
 * A zone's published series as the node that judged it stored them (table zone_series).
 *
 * @param zone      the zone key (its apex, or the SES-wide scope)
 * @param series    the series document, in the metrics codec's format
 * @param updatedAt when the document last changed
 * @param judgedAt  when a sweep last covered the zone
 */
public record ZoneSeriesRow(String zone, Document series, Instant updatedAt, Instant judgedAt) {
}
