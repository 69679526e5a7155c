package dev.dkimagent.agent.schedule;

import dev.dkimagent.agent.pipeline.CanaryRefresh;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Thin: one canary pass over the canary identities. */
@DisallowConcurrentExecution
public final class CanaryJob implements Job {
    private final CanaryRefresh refresh;

    public CanaryJob(CanaryRefresh refresh) {
        this.refresh = refresh;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            refresh.runOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the round in progress is abandoned
        }
    }
}
