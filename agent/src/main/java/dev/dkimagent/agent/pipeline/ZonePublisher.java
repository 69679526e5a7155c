package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.metrics.FiringFinding;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a judged zone's series go: this node's registry (one agent), or the cluster's shared view
 * that the publishing node reads (cluster mode, {@code clusterview.SharedZones}).
 */
public interface ZonePublisher {

    /** The zone's series after a run: its matrices and the findings firing now. */
    void publishZone(String zone, Map<String, ZoneMatrix> matrices, List<FiringFinding> firing);

    /**
     * A sweep that ended at {@code at} covered these zones; {@code whole}: all the zones there are
     * (a part, a cluster shard, covers its own only: the others have not left the inventory).
     */
    void sweepCovered(Set<String> zones, Instant at, boolean whole);

    /** One agent: the zone's series go straight to its registry; zones a sweep did not cover leave it. */
    static ZonePublisher local(AgentMetrics metrics) {
        return new ZonePublisher() {
            @Override
            public void publishZone(String zone, Map<String, ZoneMatrix> matrices, List<FiringFinding> firing) {
                metrics.publishZone(zone, matrices, firing);
            }

            @Override
            public void sweepCovered(Set<String> zones, Instant at, boolean whole) {
                if (whole) {
                    metrics.retainZones(zones);
                }
            }
        };
    }
}
