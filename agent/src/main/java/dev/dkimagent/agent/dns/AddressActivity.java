package dev.dkimagent.agent.dns;

import dev.dkimagent.agent.time.Ticker;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Which addresses the client keeps per-address state for (socket, rate slot, breaker, permit
 * cap), how many queries each has going, and when each was last used. The client follows its
 * customers' NS sets, which change; without eviction those maps would only grow. An address with
 * no query going (queued, waiting for a probe, or in flight) for {@link #IDLE} is evicted by a
 * sweep that runs at most once per {@link #SWEEP_EVERY}, from the query path (no extra thread).
 */
final class AddressActivity {
    /** Long enough that the addresses of every sweep (minutes apart) stay; short enough to free a dropped NS set soon. */
    static final Duration IDLE = Duration.ofMinutes(30);
    /** A sweep walks every address: once a minute keeps that cost negligible next to the queries. */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Ticker ticker;
    private final Predicate<String> evictIfQuiet;
    private final ConcurrentMap<String, Use> uses = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    /**
     * @param ticker       elapsed time (a seam for tests)
     * @param evictIfQuiet drops the address's state unless something still holds it; true = dropped
     */
    AddressActivity(Ticker ticker, Predicate<String> evictIfQuiet) {
        this.ticker = ticker;
        this.evictIfQuiet = evictIfQuiet;
        this.nextSweep = new AtomicLong(ticker.nanoTime() + SWEEP_EVERY.toNanos());
    }

    /** A query to the address starts; its state must not be evicted until {@link #end}. */
    void begin(String address) {
        long now = ticker.nanoTime();
        uses.compute(address, (a, use) -> (use == null ? new Use() : use).begin(now));
        sweepIfDue(now);
    }

    /** A query that {@link #begin} counted ended (once per begin). */
    void end(String address) {
        long now = ticker.nanoTime();
        uses.computeIfPresent(address, (a, use) -> use.end(now));
    }

    /** Addresses the client currently tracks. */
    boolean tracks(String address) {
        return uses.containsKey(address);
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_EVERY.toNanos())) {
            sweep(now);
        }
    }

    /**
     * Evicts inside compute: the map locks the address meanwhile, so a query to it cannot begin
     * between the idle check and the eviction.
     */
    void sweep(long now) {
        for (String address : uses.keySet()) {
            uses.computeIfPresent(address, (a, use) -> use.idleSince(now) && evictIfQuiet.test(a) ? null : use);
        }
    }

    /** Mutated only inside the map's compute calls, which lock the address. */
    private static final class Use {
        private int going;
        private long lastUsed;

        Use begin(long now) {
            going++;
            lastUsed = now;
            return this;
        }

        Use end(long now) {
            going--;
            lastUsed = now;
            return this;
        }

        boolean idleSince(long now) {
            return going == 0 && now - lastUsed >= IDLE.toNanos();
        }
    }
}
