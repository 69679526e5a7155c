package dev.dkimagent.agent.inventory.ses;

/**
 * A blocking "next free slot" limiter: calls are spaced at least 1/rate apart. SES runs on its own
 * threads, never on the DNS path, so blocking is fine here.
 */
final class RateLimiter {

    /** Time source and sleep, replaceable in tests. */
    interface Ticker {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    private final long intervalNanos;
    private final Ticker ticker;
    private long nextSlot;
    private boolean started;

    RateLimiter(double perSecond, Ticker ticker) {
        this.intervalNanos = (long) Math.ceil(1_000_000_000d / perSecond);
        this.ticker = ticker;
    }

    /** Waits for this caller's slot. An interrupt ends the wait early and stays set for the caller. */
    void acquire() {
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

    /** Books the next slot and returns how long to wait for it. */
    synchronized long reserve() {
        long now = ticker.nanoTime();
        long slot = started && nextSlot - now > 0 ? nextSlot : now;
        started = true;
        nextSlot = slot + intervalNanos;
        return slot - now;
    }
}
