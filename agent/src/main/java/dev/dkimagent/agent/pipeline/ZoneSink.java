package dev.dkimagent.agent.pipeline;

/**
 * What happens to a judged zone: the daemon moves its alerts, commits and publishes
 * ({@link CommitAndPublish}); {@code check} collects it for the report ({@link CheckCollector}).
 */
public interface ZoneSink {

    /** Takes one judged zone, on the zone's thread, while the zone's lock is held. */
    void accept(JudgedZone zone) throws InterruptedException;

    /** A sweep ended; the report names the zones it covered (any other zone left the inventory). */
    default void sweepEnded(SweepReport report) {
    }
}
