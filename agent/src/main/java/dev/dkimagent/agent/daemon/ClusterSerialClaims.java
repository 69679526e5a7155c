package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.notify.SerialClaims;
import dev.dkimagent.agent.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NOTIFY serials claimed in the shared state: a primary that notifies every node of a cluster gets
 * one recheck, not one per node. When the store cannot answer, this node rechecks anyway: a second
 * look costs a few queries, a missed change costs an alert.
 */
final class ClusterSerialClaims implements SerialClaims {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSerialClaims.class);
    /** Primaries resend NOTIFY for minutes at most; a day keeps the table tiny and every repeat caught. */
    static final Duration REMEMBERED = Duration.ofDays(1);

    private final Store store;
    private final String node;
    private final Clock clock;

    ClusterSerialClaims(Store store, String node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public boolean claim(String zone, long serial) {
        Instant now = clock.instant();
        try {
            return store.claimNotifySerial(zone, serial, node, now, now.minus(REMEMBERED));
        } catch (RuntimeException e) {
            LOG.warn("claiming serial {} of {} failed, rechecking it here anyway: {}", serial, zone, e.getMessage());
            return true;
        }
    }
}
