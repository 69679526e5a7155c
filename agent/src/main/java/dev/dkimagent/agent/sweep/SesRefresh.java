package dev.dkimagent.agent.sweep;

import dev.dkimagent.agent.inventory.ses.SesInventory;
import dev.dkimagent.agent.metrics.AgentMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One SES inventory scan into the {@link Inventory}; SES problems become MON01 findings, never exceptions. */
public final class SesRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(SesRefresh.class);

    private final SesInventory ses;
    private final Inventory inventory;
    private final AgentMetrics metrics;
    private final Clock clock;

    public SesRefresh(SesInventory ses, Inventory inventory, AgentMetrics metrics, Clock clock) {
        this.ses = ses;
        this.inventory = inventory;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Scans SES; returns true when this was the first scan (the DNS sweep should run now). */
    public boolean runOnce() {
        boolean first = !inventory.sesScanned();
        Instant started = clock.instant();
        var scan = ses.scan();
        inventory.update(scan);
        boolean clean = scan.view().errors().isEmpty();
        metrics.sweepFinished("ses", Duration.between(started, clock.instant()), clock.instant(), clean);
        LOG.info("SES scan: {} identities with records, {} states, {} account/region errors",
                scan.identities().size(), scan.view().states().size(), scan.view().errors().size());
        scan.view().errors().forEach(e -> LOG.warn("SES unreadable in account {} region {}: {} failed with {}"
                + " (MON01; check IAM permissions, credentials and the region)", e.account(), e.region(),
                e.operation(), e.error()));
        return first;
    }
}
