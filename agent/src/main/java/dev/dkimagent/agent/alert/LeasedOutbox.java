package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.OutboxClaim;
import dev.dkimagent.agent.store.OutboxMessage;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.StoreAccessException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode: this node's claims on outbox messages. A message is claimed (node id and lease end
 * on its row) before it is sent, renewed by a thread of its own every third of the lease while the
 * node works on it (a post that waits out a read timeout keeps its claim), and released when done.
 * A node that dies stops renewing; once its lease is over another node claims the message and,
 * seeing the attempt it started and never recorded, treats that attempt as uncertain.
 */
final class LeasedOutbox implements OutboxSource {

    private static final Logger LOG = LoggerFactory.getLogger(LeasedOutbox.class);

    private final Store store;
    private final Clock clock;
    private final String node;
    private final Duration lease;
    /** Ids of the messages this process claimed and has not released: only these are renewed. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService renewer;
    /** The last renewal failed: said once at WARN, not every third of a lease while the store is down. */
    private volatile boolean renewalFailing;

    LeasedOutbox(Store store, Clock clock, ClaimPolicy policy) {
        this.store = store;
        this.clock = clock;
        this.node = policy.nodeId();
        this.lease = policy.lease();
    }

    @Override
    public List<OutboxClaim> take(Instant now, int limit, String settings) {
        startRenewing();
        List<OutboxClaim> claims = store.claimDue(now, Math.min(limit, ClaimPolicy.BATCH), settings, node,
                now.plus(lease));
        claims.forEach(claim -> held.add(claim.message().id()));
        return new ArrayList<>(claims);
    }

    /** Renews this one claim now: a message whose claim lapsed and was taken over is not sent. */
    @Override
    public boolean hold(OutboxMessage message) {
        if (!held.contains(message.id())) {
            return false;
        }
        if (store.renewClaims(List.of(message.id()), node, clock.instant().plus(lease)) == 1) {
            return true;
        }
        held.remove(message.id());
        LOG.warn("outbox message {} for {}: this node ({}) lost its claim on it (not renewed within {}); another "
                + "node sends it", message.id(), message.identity(), node, lease);
        return false;
    }

    @Override
    public void release() {
        if (held.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(held);
        held.removeAll(ids);
        try {
            store.releaseClaims(ids, node);
        } catch (StoreAccessException e) {
            LOG.debug("releasing outbox claims of {} failed (they lapse after {}): {}", node, lease, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (renewer != null) {
            renewer.shutdownNow();
        }
        release();
    }

    private synchronized void startRenewing() {
        if (renewer != null) {
            return;
        }
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-claims-" + node);
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(lease.toMillis() / 3, 1);
        renewer.scheduleWithFixedDelay(this::renewHeld, period, period, TimeUnit.MILLISECONDS);
    }

    /** Keeps the claims of messages being worked on alive; a failure is only logged (they lapse). */
    private void renewHeld() {
        List<Long> ids = List.copyOf(held);
        if (ids.isEmpty()) {
            return;
        }
        try {
            int renewed = store.renewClaims(ids, node, clock.instant().plus(lease));
            if (renewalFailing) {
                renewalFailing = false;
                LOG.info("outbox claims of {} are renewed again", node);
            }
            if (renewed < ids.size()) {
                LOG.debug("{} of {} outbox claims of {} were no longer held (finished or taken over)",
                        ids.size() - renewed, ids.size(), node);
            }
        } catch (RuntimeException e) {
            if (!renewalFailing) {
                renewalFailing = true;
                LOG.warn("renewing {} outbox claim(s) of {} failed; unless a renewal works within {} another node "
                        + "takes the messages over: {}", ids.size(), node, lease, e.getMessage());
            }
        }
    }
}
