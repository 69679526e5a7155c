package dev.dkimagent.agent.pipeline;

/**
 * What keeps other agents off a zone while this one probes, judges and commits it. One agent:
 * nothing beyond the in-process {@link ZoneLocks} ({@link #LOCAL}). A cluster: a lock every node
 * honours (the cluster package's PostgreSQL advisory locks), so a recheck on one node and the
 * shard run on another never both move the same zone's alerts from the same starting state.
 */
@FunctionalInterface
public interface ZoneExclusion {

    /** Held until closed; closing never throws. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Only this process runs zones: the in-process lock is enough. */
    ZoneExclusion LOCAL = zone -> () -> { };

    /**
     * Holds {@code zone} against other agents, waiting (interruptibly) while another holds it.
     *
     * @throws InterruptedException when interrupted while waiting: the zone is not run
     * @throws RuntimeException     when the lock cannot be taken at all (database down): the zone fails
     */
    Held hold(String zone) throws InterruptedException;
}
