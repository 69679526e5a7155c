package dev.dkimagent.agent.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per zone, held while the zone is probed, judged and committed: a sweep and a recheck
 * of the same zone never run at once, different zones do. Only zones in flight have an entry.
 * Inside the in-process lock the zone is also held against other agents ({@link ZoneExclusion}:
 * nothing more for one agent, cluster-wide in cluster mode).
 */
final class ZoneLocks {
    /** A zone's lock and how many threads hold or wait for it. */
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws InterruptedException;
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final ZoneExclusion others;

    ZoneLocks() {
        this(ZoneExclusion.LOCAL);
    }

    ZoneLocks(ZoneExclusion others) {
        this.others = others;
    }

    /** Runs {@code work} holding the zone's lock; waits (interruptibly) while another run holds it. */
    <T> T withLock(String zone, Work<T> work) throws InterruptedException {
        Entry entry = enter(zone);
        try {
            entry.lock.lockInterruptibly();
            try (ZoneExclusion.Held held = others.hold(zone)) {
                return work.run();
            } finally {
                entry.lock.unlock();
            }
        } finally {
            leave(zone, entry);
        }
    }

    /** Zones with a run in progress or waiting (for tests and diagnostics). */
    synchronized int inFlight() {
        return entries.size();
    }

    private synchronized Entry enter(String zone) {
        Entry entry = entries.computeIfAbsent(zone, z -> new Entry());
        entry.users++;
        return entry;
    }

    private synchronized void leave(String zone, Entry entry) {
        if (--entry.users == 0) {
            entries.remove(zone);
        }
    }
}
