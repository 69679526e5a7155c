package dev.dkimagent.agent.time;

/**
 * The agent's one rate limiter: hands out send slots at least 1/rate apart ("next free slot"),
 * for one stream of calls (one DNS server address, one SES account x region). {@link #reserve}
 * books a slot and says how far away it is, for callers that wait on a timer (the DNS loop);
 * {@link #acquire} books and sleeps, for callers on their own threads (SES). Time comes from the
 * {@link Ticker}, so tests pace without waiting.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final Ticker ticker;
    private long nextSlot;
    private boolean started;

    /** perSecond 0 = no limit. */
    public RateLimiter(double perSecond, Ticker ticker) {
        if (perSecond < 0 || Double.isNaN(perSecond)) {
            throw new IllegalArgumentException("rate must be 0 (no limit) or more, got " + perSecond);
        }
        this.intervalNanos = perSecond == 0 ? 0 : (long) Math.ceil(1_000_000_000d / perSecond);
        this.ticker = ticker;
    }

    /** Books the next slot; returns how many nanoseconds from now it starts (0 = now). */
    public synchronized long reserve() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = ticker.nanoTime();
        long slot = started && nextSlot - now > 0 ? nextSlot : now;
        started = true;
        nextSlot = slot + intervalNanos;
        return slot - now;
    }

    /** Books the next slot and waits for it. An interrupt ends the wait early and stays set for the caller. */
    public void acquire() {
        long wait = reserve();
        if (wait <= 0) {
            return;
        }
        try {
            ticker.sleepNanos(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
