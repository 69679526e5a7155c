package dev.dkimagent.agent.schedule;

import dev.dkimagent.agent.pipeline.SesRefresh;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Thin: reads SES once; after the first read, starts a DNS sweep so SES identities are checked at once. */
@DisallowConcurrentExecution
public final class SesInventoryJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(SesInventoryJob.class);
    private final SesRefresh refresh;
    private final JobKey dnsJob;

    public SesInventoryJob(SesRefresh refresh, JobKey dnsJob) {
        this.refresh = refresh;
        this.dnsJob = dnsJob;
    }

    @Override
    public void execute(JobExecutionContext context) {
        boolean first = refresh.runOnce();
        if (first) {
            try {
                context.getScheduler().triggerJob(dnsJob);
            } catch (SchedulerException e) {
                LOG.warn("could not start the first DNS sweep after the SES scan: {}", e.getMessage());
            }
        }
    }
}
