package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A breaker per address, so a dead server cannot fill the in-flight cap with doomed queries.
 * After {@link #TRIP_AFTER} consecutive queries to one address ended in TIMEOUT (all attempts
 * spent), the breaker opens: the next query goes out as the probe, and the queries after it wait
 * (in a list, no thread blocked) for the probe's result. Anything that comes back from the address
 * (a reply, even a malformed one) closes the breaker and the waiting queries are sent; when the
 * probe gets nothing, they end unsent.
 */
final class AddressBreakers {
    /** Three in a row: one lost query is noise, three whole queries (9 attempts by default) are a dead server. */
    static final int TRIP_AFTER = 3;

    /** What a new query to the address does now. */
    enum Admission { SEND, PROBE, WAIT }

    /** A query waiting for the probe of its address. */
    interface Waiter {
        /** The wait is over: alive = the breaker closed, send now; else end without sending. */
        void probeEnded(boolean alive);
    }

    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();

    /** SEND or PROBE: go ahead (PROBE: as the address's probe); WAIT: the waiter is called later. */
    Admission admit(String address, Waiter waiter) {
        return state(address).admit(waiter);
    }

    /** True while the address's last {@link #TRIP_AFTER} queries all timed out. */
    boolean isOpen(String address) {
        return state(address).isOpen();
    }

    /**
     * The outcome of a query that was sent (after all its attempts); probe = it was admitted as the
     * probe. Releases the waiting queries once the breaker closes or the probe ends without a reply.
     */
    void record(String address, Transport outcome, boolean probe) {
        State state = state(address);
        Release release = state.record(outcome, probe);
        release.waiters().forEach(w -> w.probeEnded(release.alive()));
    }

    /** Removes every waiting query (on close, so each can end without a probe). */
    List<Waiter> drainWaiters() {
        List<Waiter> all = new ArrayList<>();
        states.values().forEach(s -> all.addAll(s.takeWaiters()));
        return all;
    }

    /**
     * Drops the address's breaker unless a probe is out or queries wait for one; true = gone. Only
     * for an address no query is using (the caller guarantees it), so the check cannot go stale.
     * An open breaker with nothing pending is dropped: after the idle time, a fresh start is fair.
     */
    boolean removeIfQuiet(String address) {
        State state = states.get(address);
        if (state != null && !state.quiet()) {
            return false;
        }
        states.remove(address);
        return true;
    }

    boolean tracks(String address) {
        return states.containsKey(address);
    }

    static String notSentDetail(String address) {
        return "not sent: " + address + " did not answer the last " + TRIP_AFTER + " queries";
    }

    private State state(String address) {
        return states.computeIfAbsent(address, a -> new State());
    }

    private record Release(List<Waiter> waiters, boolean alive) {
        static final Release NONE = new Release(List.of(), true);
    }

    private static final class State {
        private int consecutiveTimeouts;
        private boolean probeOut;
        private List<Waiter> waiting = new ArrayList<>();

        synchronized Admission admit(Waiter waiter) {
            if (!isOpen()) {
                return Admission.SEND;
            }
            if (probeOut) {
                waiting.add(waiter);
                return Admission.WAIT;
            }
            probeOut = true;
            return Admission.PROBE;
        }

        synchronized boolean quiet() {
            return !probeOut && waiting.isEmpty();
        }

        synchronized boolean isOpen() {
            return consecutiveTimeouts >= TRIP_AFTER;
        }

        synchronized Release record(Transport outcome, boolean probe) {
            if (probe) {
                probeOut = false;
            }
            if (outcome == Transport.TIMEOUT) {
                consecutiveTimeouts++;
            } else if (outcome != Transport.NETWORK_ERROR) {
                consecutiveTimeouts = 0; // something came back: the address is alive
            }
            boolean alive = !isOpen();
            if (waiting.isEmpty() || (!alive && probeOut)) {
                return Release.NONE; // nobody waits, or the probe is still out
            }
            return new Release(takeWaiters(), alive);
        }

        synchronized List<Waiter> takeWaiters() {
            List<Waiter> taken = waiting;
            waiting = new ArrayList<>();
            return taken;
        }
    }
}
