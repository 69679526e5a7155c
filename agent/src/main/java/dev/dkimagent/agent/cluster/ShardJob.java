package dev.dkimagent.agent.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * Thin: runs shard {@code n} of the sweep, n from the job's name ({@code shard-<n>}). One instance
 * serves every shard job of a node. {@code @DisallowConcurrentExecution} is per job key and, with
 * the clustered job store, cluster-wide: a shard runs on one node at a time, different shards run
 * at once. On shutdown the running shards are interrupted: committed zones stay, the others commit
 * nothing, and (the job requests recovery) a node that died in a run has it run again elsewhere.
 */
@DisallowConcurrentExecution
public final class ShardJob implements InterruptableJob {
    private final ShardSweeps shards;
    private final Map<Integer, Thread> running = new ConcurrentHashMap<>();

    public ShardJob(ShardSweeps shards) {
        this.shards = shards;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String name = context.getJobDetail().getKey().getName();
        int shard = Shards.number(name);
        if (shard < 0 || shard >= shards.shards()) {
            // a shard of a larger count, not yet removed by the node that changed the count
            return;
        }
        running.put(shard, Thread.currentThread());
        try {
            shards.run(shard);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.remove(shard);
        }
    }

    @Override
    public void interrupt() {
        running.values().forEach(Thread::interrupt);
    }
}
