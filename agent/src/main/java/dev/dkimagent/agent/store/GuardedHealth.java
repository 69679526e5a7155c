package dev.dkimagent.agent.store;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StoreHealth} shared by the store's callers (sweeps, the dispatcher, scrapes, the healer),
 * with the time from the store's clock and one log line per change: down (ERROR, once), each failed
 * reopen (WARN, at the backoff's pace), reopened (WARN).
 */
final class GuardedHealth {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final StoreHealth health;
    private final Clock clock;
    private final String where;

    GuardedHealth(Clock clock, String where) {
        this.clock = clock;
        this.where = where;
        this.health = new StoreHealth(clock.instant());
    }

    synchronized StoreHealth.Status status() {
        return health.status();
    }

    boolean up() {
        return status().up();
    }

    /** The store is down (unless it already is): the first reason is kept and logged. */
    void markDown(String reason) {
        boolean turned;
        synchronized (this) {
            turned = health.failed(reason, clock.instant());
        }
        if (turned) {
            LOG.error("state database at {} is DOWN: {}; nothing is delivered that cannot be recorded, "
                    + "reopening with backoff", where, reason);
        }
    }

    /** While down: is a reopen attempt due now? */
    synchronized boolean reopenDue(Instant now) {
        return health.reopenDue(now);
    }

    /** While up: is a probe write due? If so it counts as made. */
    synchronized boolean takeProbe() {
        Instant now = clock.instant();
        if (!health.probeDue(now)) {
            return false;
        }
        health.probed(now);
        return true;
    }

    void reopened(Instant now) {
        Instant since;
        synchronized (this) {
            since = health.status().since();
            health.reopened(now);
        }
        LOG.warn("state database at {} reopened and writable again (down since {})", where, since);
    }

    void reopenFailed(String reason, Instant now) {
        Instant next;
        synchronized (this) {
            health.reopenFailed(reason, now);
            next = health.nextAttempt();
        }
        LOG.warn("state database at {} still down, next attempt at {}: {}", where, next, reason);
    }
}
