package dev.dkimagent.agent.notify;

/**
 * Who rechecks a NOTIFY's serial when several agents hear it (a primary notifying every node of a
 * cluster): the first to claim the zone's serial does, the others treat it as a repeat.
 */
@FunctionalInterface
public interface SerialClaims {
    /** One agent alone: every serial is its own. */
    SerialClaims LOCAL = (zone, serial) -> true;

    /** True when this agent is the first to claim {@code serial} of {@code zone}. */
    boolean claim(String zone, long serial);
}
