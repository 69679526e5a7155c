package dev.dkimagent.agent.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether the state store can be used, and when to try reopening it. Pure: the caller passes the
 * time, so the backoff is tested without waiting. Not thread-safe; {@link Store} guards it.
 *
 * <p>Up until a read, commit or probe fails; then down with the reason, and a reopen is due at
 * once, then after 1 s, 2 s, 4 s ... at most {@link #MAX_WAIT} between attempts, until one works.
 * While up, a probe write is due every {@link #PROBE_EVERY}.
 */
final class StoreHealth {

    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** While up, a probe write this often: an idle agent learns of a full disk before it has an alert to record. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(10);

    /** What a person or a probe sees. */
    record Status(boolean up, String reason, Instant since) {
    }

    private Status status;
    private int failedAttempts;
    private Instant nextAttempt;
    private Instant nextProbe;

    StoreHealth(Instant openedAt) {
        this.status = new Status(true, "open", openedAt);
        this.nextProbe = openedAt.plus(PROBE_EVERY);
    }

    /** True when the store is up and a probe write is due. */
    boolean probeDue(Instant now) {
        return status.up() && !now.isBefore(nextProbe);
    }

    /** A probe was made (whatever its outcome): the next is due {@link #PROBE_EVERY} later. */
    void probed(Instant now) {
        nextProbe = now.plus(PROBE_EVERY);
    }

    Status status() {
        return status;
    }

    boolean up() {
        return status.up();
    }

    /**
     * A read, commit or probe failed. The first failure marks the store down (and makes a reopen
     * due at once); later failures while down keep the first reason and the schedule.
     *
     * @return true when this failure turned the store down
     */
    boolean failed(String reason, Instant now) {
        if (!status.up()) {
            return false;
        }
        status = new Status(false, reason, now);
        failedAttempts = 0;
        nextAttempt = now;
        return true;
    }

    /** True when the store is down and the next reopen attempt is due. */
    boolean reopenDue(Instant now) {
        return !status.up() && !now.isBefore(nextAttempt);
    }

    /** A reopen attempt failed: the reason now says why, and the next waits longer. */
    void reopenFailed(String reason, Instant now) {
        failedAttempts++;
        status = new Status(false, reason, status.since());
        nextAttempt = now.plus(waitAfter(failedAttempts));
    }

    /** A reopen attempt worked: up again. */
    void reopened(Instant now) {
        status = new Status(true, "reopened", now);
        failedAttempts = 0;
        nextAttempt = null;
        nextProbe = now.plus(PROBE_EVERY);
    }

    /** When the next attempt is due (null while up). */
    Instant nextAttempt() {
        return nextAttempt;
    }

    /** The wait after {@code failures} failed attempts: 1 s doubling, capped. */
    static Duration waitAfter(int failures) {
        int shift = Math.min(failures - 1, 16);
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.max(shift, 0));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
