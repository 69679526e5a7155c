package dev.dkimagent.agent.dns;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spaces queries to one address at least 1/qps apart by handing out send slots ("next free slot"
 * per address). Callers delay by the returned amount on a scheduler; nobody sleeps.
 */
final class RateLimiter {
    private final long intervalNanos;
    private final ConcurrentMap<String, AtomicLong> nextSlot = new ConcurrentHashMap<>();

    /** qps 0 means no limit. */
    RateLimiter(int qps) {
        this.intervalNanos = qps == 0 ? 0 : 1_000_000_000L / qps;
    }

    /** Reserves the next slot for the address; returns how many nanoseconds from now it starts (0 = now). */
    long reserve(String address) {
        if (intervalNanos == 0) {
            return 0;
        }
        AtomicLong next = nextSlot.computeIfAbsent(address, a -> new AtomicLong(Long.MIN_VALUE));
        while (true) {
            long now = System.nanoTime();
            long current = next.get();
            long slot = current == Long.MIN_VALUE || current - now < 0 ? now : current;
            if (next.compareAndSet(current, slot + intervalNanos)) {
                return slot - now;
            }
        }
    }

    /** Drops the address's slot (it has been idle far longer than one interval, so the slot is past). */
    void forget(String address) {
        nextSlot.remove(address);
    }

    boolean tracks(String address) {
        return nextSlot.containsKey(address);
    }
}
