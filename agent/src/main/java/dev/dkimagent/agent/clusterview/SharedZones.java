package dev.dkimagent.agent.clusterview;

import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.metrics.FiringFinding;
import dev.dkimagent.agent.metrics.SeriesDocument;
import dev.dkimagent.agent.pipeline.ZonePublisher;
import dev.dkimagent.agent.store.ClusterTables;
import dev.dkimagent.agent.store.Document;
import dev.dkimagent.agent.store.StoreAccessException;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode: a judged zone's series go into the shared view (table zone_series), where the
 * publishing node reads them, whichever node judged the zone. A failed write is logged and
 * leaves the zone's previous series in the view; the next run of the zone writes again (the row
 * is compared with the new document, so nothing is skipped).
 */
public final class SharedZones implements ZonePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SharedZones.class);

    private final ClusterTables tables;
    private final AgentMetrics metrics;
    private final Clock clock;

    public SharedZones(ClusterTables tables, AgentMetrics metrics, Clock clock) {
        this.tables = tables;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void publishZone(String zone, Map<String, ZoneMatrix> matrices, List<FiringFinding> firing) {
        SeriesDocument series = metrics.zoneDocument(matrices, firing);
        try {
            tables.putZoneSeries(zone, new Document(series.format(), series.json()), clock.instant());
        } catch (StoreAccessException e) {
            LOG.warn("zone {}: its series are not in the shared view (the next run writes them): {}", zone,
                    e.getMessage());
        }
    }

    @Override
    public void sweepCovered(Set<String> zones, Instant at, boolean whole) {
        if (whole) {
            metrics.retainZones(zones);
        }
        try {
            tables.touchZoneSeries(zones, at);
        } catch (StoreAccessException e) {
            LOG.warn("{} zones swept but not marked in the shared view (their series expire only if this goes on): {}",
                    zones.size(), e.getMessage());
        }
    }
}
