package dev.dkimagent.agent.alert;

import java.time.Duration;

/** Exponential backoff with full jitter, never shorter than what the channel asked for. */
final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final Jitter jitter;

    /** Returns a value in [0, bound]. */
    interface Jitter {
        long next(long bound);
    }

    Backoff(Duration base, Duration cap, Jitter jitter) {
        this.base = base;
        this.cap = cap;
        this.jitter = jitter;
    }

    static Jitter randomJitter() {
        return bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1);
    }

    /** The wait before attempt number {@code attempt + 1}, after {@code attempt} failures (1-based). */
    Duration delay(int attempt, Duration retryAfter) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        Duration jittered = Duration.ofMillis(jitter.next(ceiling));
        return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
    }

    /** {@code base} doubled {@code times - 1} times, at most {@code cap}; no jitter (for one message's long waits). */
    static Duration doubled(Duration base, int times, Duration cap) {
        long millis = base.toMillis() << Math.min(Math.max(times - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }
}
