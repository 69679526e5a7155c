package dev.dkimagent.agent.schedule;

import dev.dkimagent.agent.alert.OutboxDispatcher;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Thin: delivers the notifications that are due. Runs every few seconds, apart from sweeps. */
@DisallowConcurrentExecution
public final class OutboxJob implements Job {
    private final OutboxDispatcher dispatcher;

    public OutboxJob(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void execute(JobExecutionContext context) {
        dispatcher.deliverDue();
    }
}
