package dev.dkimagent.agent.cluster;

import dev.dkimagent.agent.pipeline.Sweep;
import dev.dkimagent.agent.pipeline.SweepReport;
import dev.dkimagent.agent.pipeline.ZoneJudge;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's run: the part of the sweep whose zones hash to the shard ({@link Shards}), recorded
 * in {@code cluster_shard} at its start and end ({@link ShardLog}). The SES-wide findings belong
 * to the shard of {@link ZoneJudge#SES_SCOPE}. Each zone is judged and committed as in a whole
 * sweep, under the cluster-wide zone lock.
 */
public final class ShardSweeps {
    private static final Logger LOG = LoggerFactory.getLogger(ShardSweeps.class);

    private final Sweep sweep;
    private final int shards;
    private final String node;
    private final ShardLog log;
    private final Runnable beforeRun;
    private final Clock clock;

    /**
     * @param beforeRun what this node needs before it judges anything (its first SES view, when SES
     *                  is on); runs on the shard's thread before each run, so it must return at once
     *                  once done
     */
    public ShardSweeps(Sweep sweep, int shards, String node, ShardLog log, Runnable beforeRun, Clock clock) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be >= 1, got " + shards);
        }
        this.sweep = sweep;
        this.shards = shards;
        this.node = node;
        this.log = log;
        this.beforeRun = beforeRun;
        this.clock = clock;
    }

    public int shards() {
        return shards;
    }

    /** Runs shard {@code shard} once on this node. */
    public SweepReport run(int shard) throws InterruptedException {
        if (shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard " + shard + " is not one of 0.." + (shards - 1));
        }
        beforeRun.run();
        record(shard, "start", () -> log.started(shard, node, clock.instant()));
        SweepReport report = sweep.runPart(zone -> Shards.of(zone, shards) == shard);
        int zones = (int) report.zones().stream().filter(z -> !z.equals(ZoneJudge.SES_SCOPE)).count();
        Instant ended = report.started().plus(report.took());
        record(shard, "end", () -> log.finished(shard, node, ended, zones, report.clean()));
        return report;
    }

    private interface Write {
        void run() throws SQLException;
    }

    /** A failed record is logged: the zones' own commits are what matters, and they went their own way. */
    private static void record(int shard, String what, Write write) {
        try {
            write.run();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("shard {}: recording its {} in cluster_shard failed: {}", shard, what, e.getMessage());
        }
    }
}
