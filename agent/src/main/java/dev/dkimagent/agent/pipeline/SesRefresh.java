package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.alert.StoredFormatException;
import dev.dkimagent.agent.inventory.CombinedInventory;
import dev.dkimagent.agent.inventory.ses.SesInventory;
import dev.dkimagent.agent.inventory.ses.SesScan;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.rules.model.SesView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SES inventory scan, landed through the {@link SharedSesView}: into the
 * {@link CombinedInventory} (judged against the memory earlier scans left), SES history moved and
 * the view stored for every node in one commit of its own, SES gauges published. Before scanning
 * it takes the stored view if another node (or this agent before a restart) stored a newer one,
 * so account/region pairs that cannot be read now keep what that scan saw. SES problems become
 * MON01 findings, never exceptions.
 */
public final class SesRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(SesRefresh.class);

    private final SesInventory ses;
    private final SharedSesView shared;
    private final AgentMetrics metrics;
    private final Clock clock;
    private final AtomicBoolean scanned = new AtomicBoolean();

    /** As {@link #SesRefresh(SesInventory, SharedSesView, AgentMetrics, Clock)} with a view of its own. */
    public SesRefresh(SesInventory ses, CombinedInventory inventory, AlertStateStore states, AgentMetrics metrics,
                      Clock clock) {
        this(ses, new SharedSesView(states, inventory), metrics, clock);
    }

    public SesRefresh(SesInventory ses, SharedSesView shared, AgentMetrics metrics, Clock clock) {
        this.ses = ses;
        this.shared = shared;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Scans SES; returns true when this was this process's first scan (the DNS sweep should run
     * now), also when a stored view was taken before it.
     */
    public boolean runOnce() {
        takeStoredView();
        Instant started = clock.instant();
        SesScan scan = ses.scan();
        Instant scannedAt = clock.instant();
        boolean first = !scanned.getAndSet(true);
        SesView view = shared.land(scan, scannedAt);
        metrics.publishSes(view);
        metrics.sweepFinished("ses", Duration.between(started, scannedAt), scannedAt, scan.view().errors().isEmpty());
        LOG.info("SES scan {}: {} identities with records, {} states, {} account/region errors", shared.sequence(),
                scan.identities().size(), scan.view().states().size(), scan.view().errors().size());
        scan.view().errors().forEach(e -> LOG.warn("SES unreadable in account {} region {}: {} failed with {}"
                + " (MON01; check IAM permissions, credentials and the region)", e.account(), e.region(),
                e.operation(), e.error()));
        return first;
    }

    /** A stored view this agent cannot read is replaced by this scan; only its blind pairs lose what it held. */
    private void takeStoredView() {
        try {
            shared.reloadIfNewer();
        } catch (StoredFormatException e) {
            LOG.error("{}; this SES scan replaces it (account/region pairs it cannot read now start without what "
                    + "the stored view saw of them)", e.getMessage());
        }
    }
}
