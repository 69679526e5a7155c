package dev.dkimagent.agent.schedule;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz with the in-memory job store: the DNS sweep, the SES inventory and the outbox, each on
 * its own interval, the first run at start. Jobs get their collaborators from a job factory.
 */
public final class AgentScheduler implements AutoCloseable {
    public static final JobKey DNS_SWEEP = JobKey.jobKey("dns-sweep");
    public static final JobKey SES_INVENTORY = JobKey.jobKey("ses-inventory");
    public static final JobKey OUTBOX = JobKey.jobKey("outbox");
    public static final JobKey SOA_WATCH = JobKey.jobKey("soa-watch");

    private final Scheduler scheduler;

    public AgentScheduler(Map<Class<? extends Job>, Job> jobs) throws SchedulerException {
        this.scheduler = new StdSchedulerFactory(properties()).getScheduler();
        scheduler.setJobFactory((bundle, s) -> {
            Job job = jobs.get(bundle.getJobDetail().getJobClass());
            if (job == null) {
                throw new SchedulerException("no instance for job " + bundle.getJobDetail().getJobClass());
            }
            return job;
        });
    }

    /** Adds a job that runs now and then every {@code interval}. */
    public void every(JobKey key, Class<? extends Job> type, Duration interval) throws SchedulerException {
        every(key, type, interval, Duration.ZERO);
    }

    /**
     * Adds a job that runs every {@code interval}, the first time {@code firstAfter} after the
     * schedule is built (another job may start it earlier with {@code triggerJob}).
     */
    public void every(JobKey key, Class<? extends Job> type, Duration interval, Duration firstAfter)
            throws SchedulerException {
        JobDetail job = JobBuilder.newJob(type).withIdentity(key).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key.getName())
                .startAt(new Date(System.currentTimeMillis() + firstAfter.toMillis()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        scheduler.scheduleJob(job, trigger);
    }

    /** Runs a job now, in addition to its schedule (a run under way makes this one wait). */
    public void runNow(JobKey key) {
        try {
            scheduler.triggerJob(key);
        } catch (SchedulerException e) {
            // shutting down: the job's next scheduled run, if any, does the work
        }
    }

    public void start() throws SchedulerException {
        scheduler.start();
    }

    /**
     * Stops taking new runs, interrupts the running ones that can be (a DNS sweep abandons the zones
     * it has not committed) and waits for them to end; callers bound the wait (see RunCommand).
     */
    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
    }

    private static Properties properties() {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "dkim-agent");
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
        p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "true");
        return p;
    }
}
