package dev.dkimagent.agent.inventory.ses;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * When a throttled SES call is tried again: exponential backoff (0.5 s, 1 s, 2 s ... at most 20 s)
 * with jitter (each wait is half its step plus a random part of the other half, so pairs that were
 * throttled together do not come back together), and only while the scan's time budget lasts.
 * Throttling that outlasts the budget is reported (MON01); throttling that clears is not.
 * One per account x region; {@link #startScan} opens a new budget.
 */
final class ThrottleRetry {
    static final Duration FIRST_STEP = Duration.ofMillis(500);
    static final Duration MAX_STEP = Duration.ofSeconds(20);

    /** Waits; a seam so tests need not sleep. */
    interface Sleeper {
        Sleeper SYSTEM = wait -> Thread.sleep(wait.toMillis());

        void sleep(Duration wait) throws InterruptedException;
    }

    private final Duration budget;
    private final LongSupplier nanos;
    private final DoubleSupplier random;
    private final Sleeper sleeper;
    private volatile long deadline;

    ThrottleRetry(Duration budget) {
        this(budget, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble(), Sleeper.SYSTEM);
    }

    ThrottleRetry(Duration budget, LongSupplier nanos, DoubleSupplier random, Sleeper sleeper) {
        this.budget = budget;
        this.nanos = nanos;
        this.random = random;
        this.sleeper = sleeper;
        startScan();
    }

    /** A new scan: the whole budget is available again. */
    void startScan() {
        deadline = nanos.getAsLong() + budget.toNanos();
    }

    /**
     * Waits before retry number {@code retry} (1 for the first) and returns true, or returns false
     * at once when that wait would end after the scan's budget.
     *
     * @throws InterruptedException when the scan is being stopped
     */
    boolean awaitRetry(int retry) throws InterruptedException {
        Optional<Duration> wait = waitBefore(retry);
        if (wait.isEmpty()) {
            return false;
        }
        sleeper.sleep(wait.get());
        return true;
    }

    Optional<Duration> waitBefore(int retry) {
        long step = Math.min(MAX_STEP.toNanos(), FIRST_STEP.toNanos() << Math.min(retry - 1, 20));
        long wait = step / 2 + (long) (random.getAsDouble() * (step / 2));
        if (nanos.getAsLong() + wait > deadline) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(wait));
    }
}
