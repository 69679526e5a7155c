package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.alert.AlertStatus;
import dev.dkimagent.agent.alert.Lifecycle;
import dev.dkimagent.agent.alert.LifecycleResult;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Snapshot;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's end of a zone's run: move the alert lifecycle of the findings the zone owns, write
 * what changed and the zone's notifications in one transaction, then publish the zone's series.
 * At the end of a sweep: drop the series of zones that left the inventory, record the sweep.
 */
public final class CommitAndPublish implements ZoneSink {
    private static final Logger LOG = LoggerFactory.getLogger(CommitAndPublish.class);
    /** Delivered messages are kept this long (to look back at what was sent), then forgotten. */
    static final Duration DELIVERED_RETENTION = Duration.ofDays(30);
    /** The trigger label of the zones a sweep looked at. */
    static final String SCHEDULE_TRIGGER = "schedule";

    private final AlertStateStore states;
    private final Store store;
    private final Lifecycle lifecycle;
    private final AgentMetrics metrics;
    private final ZonePublisher publisher;
    private volatile boolean firstSweepDone;
    private final Set<String> zonesWithPending = ConcurrentHashMap.newKeySet();

    /** One agent: zones publish straight to {@code metrics}. */
    public CommitAndPublish(AlertStateStore states, Store store, Lifecycle lifecycle, AgentMetrics metrics) {
        this(states, store, lifecycle, metrics, ZonePublisher.local(metrics));
    }

    /** @param publisher where a zone's series go (cluster mode: the shared view) */
    public CommitAndPublish(AlertStateStore states, Store store, Lifecycle lifecycle, AgentMetrics metrics,
                            ZonePublisher publisher) {
        this.states = states;
        this.store = store;
        this.lifecycle = lifecycle;
        this.metrics = metrics;
        this.publisher = publisher;
    }

    @Override
    public void accept(JudgedZone zone) throws InterruptedException {
        Map<String, AlertState> before = states.states(groups(zone));
        LifecycleResult next = lifecycle.apply(before, zone.verdicts(),
                new JudgedScope(zone.snapshot(), zone.judgement(), zone.sesSources()), zone.sesLines(),
                zone.snapshot().at());
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stopping: zone " + zone.key() + " is abandoned before its commit");
        }
        if (!next.states().equals(before) || !next.notifications().isEmpty()) {
            states.commit(before, next.states(), next.notifications(), Map.of());
        }
        publisher.publishZone(zone.key(), zone.judgement().matrices(), FiringFindings.of(next.states().values()));
        if (next.states().values().stream().anyMatch(st -> st.status() == AlertStatus.PENDING)) {
            zonesWithPending.add(zone.key());
        } else {
            zonesWithPending.remove(zone.key());
        }
    }

    /** True when the zone's last run left findings seen but not yet firing (a triggered recheck confirms them). */
    public boolean hasPending(String zone) {
        return zonesWithPending.contains(zone);
    }

    @Override
    public void sweepEnded(SweepReport report) {
        metrics.sweepFinished("dns", report.took(), report.started().plus(report.took()), report.clean());
        metrics.changes().recheck(SCHEDULE_TRIGGER, report.zoneCount());
        if (!report.judged()) {
            if (report.failedZones().isEmpty()) {
                LOG.warn("DNS sweep saw nothing: no resolver answered; nothing judged, nothing changed");
            }
            return;
        }
        LOG.info("DNS sweep{}: {} identities in {} zones, {} failed{}", report.whole() ? "" : " part",
                report.identities(), report.zoneCount(),
                report.failedZones().size(), report.failedZones().isEmpty() ? "" : " " + report.failedZones());
        publisher.sweepCovered(report.zones(), report.started().plus(report.took()), report.whole());
        firstSweepDone = true;
        try {
            store.purgeDelivered(report.started().minus(DELIVERED_RETENTION));
        } catch (RuntimeException e) {
            LOG.warn("forgetting delivered messages older than {} failed; the next sweep tries again: {}",
                    DELIVERED_RETENTION, e.getMessage());
        }
    }

    /** True once a sweep has judged every zone it could (for /readyz). */
    public boolean firstSweepDone() {
        return firstSweepDone;
    }

    /** The names whose alerts this zone owns: its identities, its apex, its SES states and sources, its findings'. */
    static Set<String> groups(JudgedZone zone) {
        Snapshot s = zone.snapshot();
        Set<String> groups = new HashSet<>(zone.sesSources());
        s.identities().forEach(i -> groups.add(i.name()));
        s.zones().keySet().forEach(groups::add);
        s.ses().states().forEach(state -> groups.add(state.identity()));
        for (Verdict v : zone.verdicts()) {
            groups.add(Lifecycle.groupIdentity(v.finding()));
        }
        return groups;
    }
}
