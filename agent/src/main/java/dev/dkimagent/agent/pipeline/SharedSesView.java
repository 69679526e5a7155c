package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.alert.SesHistory;
import dev.dkimagent.agent.alert.StoredSesView;
import dev.dkimagent.agent.inventory.CombinedInventory;
import dev.dkimagent.agent.inventory.ses.SesScan;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SES view every node judges with: the last SES scan as the shared state keeps it. The node
 * that scans lands its scan through {@link #land} (SES history and view in one commit); every node
 * brings its {@link CombinedInventory} up to the stored view with {@link #reloadIfNewer}, which
 * reads one number and the view only when that number changed. Thread-safe: shard jobs may call
 * it at the same time.
 */
public final class SharedSesView {
    private static final Logger LOG = LoggerFactory.getLogger(SharedSesView.class);

    private final AlertStateStore states;
    private final CombinedInventory inventory;
    /** The sequence number of the stored view the inventory holds; 0 for none. */
    private long held;

    public SharedSesView(AlertStateStore states, CombinedInventory inventory) {
        this.states = states;
        this.inventory = inventory;
    }

    /**
     * Adopts the stored view into the inventory when its sequence number differs from the one the
     * inventory holds (one small read when it does not). A store without a stored view changes
     * nothing.
     *
     * @return true when a stored view was adopted now
     * @throws dev.dkimagent.agent.store.StoreAccessException when the store cannot be read
     * @throws dev.dkimagent.agent.alert.StoredFormatException when the stored view cannot be read
     *         (a format this agent does not know): the inventory keeps what it held
     */
    public synchronized boolean reloadIfNewer() {
        long stored = states.sesViewSequence();
        if (stored == 0 || stored == held) {
            return false;
        }
        Optional<StoredSesView> view = states.sesView();
        if (view.isEmpty()) {
            return false;
        }
        StoredSesView v = view.get();
        inventory.adopt(v.identities(), v.view());
        held = v.sequence();
        LOG.debug("took the SES view of scan {} (scanned at {}): {} identities, {} states, {} account/region errors",
                v.sequence(), v.scannedAt(), v.identities().size(), v.view().states().size(), v.view().errors().size());
        return true;
    }

    /** The sequence number of the stored view the inventory holds, 0 for none. */
    public synchronized long sequence() {
        return held;
    }

    /**
     * Lands this node's scan: into the inventory, judged against the memory the scans before it
     * left; then, in one commit, the memory after it and the view as judged.
     *
     * @return the view as judged (the inventory's {@code sesView()})
     */
    synchronized SesView land(SesScan scan, Instant scannedAt) {
        Map<String, SesMemory> before = states.sesMemory();
        inventory.update(scan, before);
        SesView judged = inventory.sesView();
        held = states.commitSesScan(SesHistory.next(before, judged, scannedAt), scannedAt, inventory.sesIdentities(),
                judged);
        return judged;
    }
}
