package dev.dkimagent.agent.schedule;

import dev.dkimagent.agent.sweep.SweepPipeline;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;

/**
 * Thin: runs one DNS sweep. A sweep still running when the next is due makes the next wait; on
 * shutdown the sweep is interrupted and abandoned before its commit, so nothing is half-written.
 */
@DisallowConcurrentExecution
public final class DnsSweepJob implements InterruptableJob {
    private final SweepPipeline pipeline;
    private volatile Thread running;

    public DnsSweepJob(SweepPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void execute(JobExecutionContext context) {
        running = Thread.currentThread();
        try {
            pipeline.runOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = null;
        }
    }

    @Override
    public void interrupt() {
        Thread thread = running;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
