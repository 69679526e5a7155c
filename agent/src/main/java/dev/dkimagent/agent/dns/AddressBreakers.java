package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Transport;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A breaker per address, so a dead server cannot fill the in-flight cap with doomed queries.
 * After {@link #TRIP_AFTER} consecutive queries to one address ended in TIMEOUT (all attempts
 * spent), the breaker opens: further queries are not sent, except one probe at a time. Anything
 * that comes back from the address (a reply, even a malformed one) closes it again.
 */
final class AddressBreakers {
    /** Three in a row: one lost query is noise, three whole queries (9 attempts by default) are a dead server. */
    static final int TRIP_AFTER = 3;

    /** What a query to the address may do now. */
    enum Admission { SEND, PROBE, REJECT }

    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();

    Admission admit(String address) {
        return state(address).admit();
    }

    /** The outcome of a query that was sent (after all its attempts); probe = it was admitted as the probe. */
    void record(String address, Transport outcome, boolean probe) {
        state(address).record(outcome, probe);
    }

    static String notSentDetail(String address) {
        return "not sent: " + address + " did not answer the last " + TRIP_AFTER + " queries";
    }

    private State state(String address) {
        return states.computeIfAbsent(address, a -> new State());
    }

    private static final class State {
        private int consecutiveTimeouts;
        private boolean probeOut;

        synchronized Admission admit() {
            if (consecutiveTimeouts < TRIP_AFTER) {
                return Admission.SEND;
            }
            if (probeOut) {
                return Admission.REJECT;
            }
            probeOut = true;
            return Admission.PROBE;
        }

        synchronized void record(Transport outcome, boolean probe) {
            if (probe) {
                probeOut = false;
            }
            if (outcome == Transport.TIMEOUT) {
                consecutiveTimeouts++;
            } else if (outcome != Transport.NETWORK_ERROR) {
                consecutiveTimeouts = 0; // something came back: the address is alive
            }
        }
    }
}
