package dev.dkimagent.agent.schedule;

import dev.dkimagent.agent.sweep.SweepPipeline;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Thin: runs one DNS sweep. A sweep still running when the next is due makes the next wait. */
@DisallowConcurrentExecution
public final class DnsSweepJob implements Job {
    private final SweepPipeline pipeline;

    public DnsSweepJob(SweepPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            pipeline.runOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the sweep is abandoned, nothing was committed
        }
    }
}
