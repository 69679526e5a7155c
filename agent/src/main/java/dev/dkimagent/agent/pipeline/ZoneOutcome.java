package dev.dkimagent.agent.pipeline;

/** How one zone's run ended. */
public enum ZoneOutcome {
    /** Probed, judged and handed to the sink (for the daemon: committed and published). */
    JUDGED,
    /** Failed (an exception or a timeout), logged with the zone; nothing of it was committed. */
    FAILED,
    /** Not a zone of the current inventory (or no sweep has located zones yet): nothing was done. */
    UNKNOWN
}
