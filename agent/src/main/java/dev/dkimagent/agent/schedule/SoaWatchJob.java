package dev.dkimagent.agent.schedule;

import dev.dkimagent.agent.notify.SoaWatch;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Thin: one round of the SOA watch; a round still running when the next is due makes it wait. */
@DisallowConcurrentExecution
public final class SoaWatchJob implements Job {
    private final SoaWatch watch;

    public SoaWatchJob(SoaWatch watch) {
        this.watch = watch;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            watch.runOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
