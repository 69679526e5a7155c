package dev.dkimagent.agent.alert;

/** Where a tracked finding is in its lifecycle. Resolved findings are no longer tracked. */
public enum AlertStatus {
    /** Seen, but not yet for {@code firing-after} consecutive sweeps. */
    PENDING,
    /** Seen long enough to alert; stays until {@code resolve-after} clean sweeps. */
    FIRING
}
