package dev.dkimagent.agent.schedule;

import dev.dkimagent.agent.pipeline.Sweep;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;

/**
 * Thin: runs one DNS sweep (every zone through recheck's path). A sweep still running when the
 * next is due makes the next wait; on shutdown the sweep is interrupted: zones already committed
 * stay, the others are abandoned before their commit, so nothing is half-written.
 */
@DisallowConcurrentExecution
public final class DnsSweepJob implements InterruptableJob {
    private final Sweep sweep;
    private volatile Thread running;

    public DnsSweepJob(Sweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void execute(JobExecutionContext context) {
        running = Thread.currentThread();
        try {
            sweep.runOnce();
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
