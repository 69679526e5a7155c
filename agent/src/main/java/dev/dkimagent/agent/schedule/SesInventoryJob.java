package dev.dkimagent.agent.schedule;

import dev.dkimagent.agent.pipeline.SesRefresh;
import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thin: reads SES once; after the first read, starts the DNS sweep so SES identities are checked
 * at once. In cluster mode this is the one cluster-wide SES scan and starts nothing (each node's
 * shards wait for that node's first SES view themselves).
 */
@DisallowConcurrentExecution
public final class SesInventoryJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(SesInventoryJob.class);
    private final SesRefresh refresh;
    private final List<JobKey> afterFirstScan;

    public SesInventoryJob(SesRefresh refresh, JobKey dnsJob) {
        this(refresh, List.of(dnsJob));
    }

    /** @param afterFirstScan the jobs to start once the first scan is in (none: start nothing) */
    public SesInventoryJob(SesRefresh refresh, List<JobKey> afterFirstScan) {
        this.refresh = refresh;
        this.afterFirstScan = List.copyOf(afterFirstScan);
    }

    @Override
    public void execute(JobExecutionContext context) {
        boolean first = refresh.runOnce();
        if (!first) {
            return;
        }
        for (JobKey job : afterFirstScan) {
            try {
                context.getScheduler().triggerJob(job);
            } catch (SchedulerException e) {
                LOG.warn("could not start {} after the first SES scan: {}", job.getName(), e.getMessage());
            }
        }
    }
}
