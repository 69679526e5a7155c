package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.alert.SesHistory;
import dev.dkimagent.agent.inventory.CombinedInventory;
import dev.dkimagent.agent.inventory.ses.SesInventory;
import dev.dkimagent.agent.inventory.ses.SesScan;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.rules.model.SesMemory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SES inventory scan, landed: into the {@link CombinedInventory} (judged against the memory
 * earlier scans left), SES history moved once per scan in a commit of its own, SES gauges
 * published. SES problems become MON01 findings, never exceptions.
 */
public final class SesRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(SesRefresh.class);

    private final SesInventory ses;
    private final CombinedInventory inventory;
    private final AlertStateStore states;
    private final AgentMetrics metrics;
    private final Clock clock;

    public SesRefresh(SesInventory ses, CombinedInventory inventory, AlertStateStore states, AgentMetrics metrics,
                      Clock clock) {
        this.ses = ses;
        this.inventory = inventory;
        this.states = states;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Scans SES; returns true when this was the first scan (the DNS sweep should run now). */
    public boolean runOnce() {
        boolean first = !inventory.sesScanned();
        Instant started = clock.instant();
        SesScan scan = ses.scan();
        Instant scanned = clock.instant();
        Map<String, SesMemory> before = states.sesMemory();
        inventory.update(scan, before);
        states.commit(Map.of(), Map.of(), List.of(), SesHistory.next(before, inventory.sesView(), scanned));
        metrics.publishSes(inventory.sesView());
        metrics.sweepFinished("ses", Duration.between(started, scanned), scanned, scan.view().errors().isEmpty());
        LOG.info("SES scan: {} identities with records, {} states, {} account/region errors",
                scan.identities().size(), scan.view().states().size(), scan.view().errors().size());
        scan.view().errors().forEach(e -> LOG.warn("SES unreadable in account {} region {}: {} failed with {}"
                + " (MON01; check IAM permissions, credentials and the region)", e.account(), e.region(),
                e.operation(), e.error()));
        return first;
    }
}
