package dev.dkimagent.agent.schedule;

import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz: the DNS sweep, the SES inventory and the outbox, each on its own interval, the first run
 * at start. Jobs get their collaborators from a job factory.
 *
 * <p>Single mode: the in-memory job store, as one agent needs. Cluster mode ({@link #clustered}):
 * Quartz's clustered JDBC job store on the state database, so the nodes share the jobs: each
 * firing runs on one node, a job marked {@code @DisallowConcurrentExecution} runs on one node at a
 * time, and the jobs of a node that died are run again by another (every job requests recovery).
 * The first node creates the jobs and triggers; the others find them ({@link #every} is
 * idempotent, and replaces a trigger whose interval changed). Jobs that must run on every node
 * (the SOA watch: each node watches the zones it judged) go on a second, in-memory scheduler of
 * the node's own ({@link #everyOnNode}).
 */
public final class AgentScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentScheduler.class);
    public static final JobKey DNS_SWEEP = JobKey.jobKey("dns-sweep");
    public static final JobKey SES_INVENTORY = JobKey.jobKey("ses-inventory");
    public static final JobKey OUTBOX = JobKey.jobKey("outbox");
    public static final JobKey SOA_WATCH = JobKey.jobKey("soa-watch");

    static final String NAME = "dkim-agent";
    /** One thread per job in single mode: sweep, SES, outbox, SOA watch or canary. */
    static final int THREADS = 4;
    /**
     * Cluster mode: the single-mode four, plus two so that a node may run two shards at once
     * (shards are staggered over the interval, so more than two rarely overlap on one node, and
     * a node with fewer free threads leaves more shards to the others). The zones in flight are
     * bounded per node by the sweep itself, not by this.
     */
    public static final int CLUSTER_THREADS = THREADS + 2;
    /**
     * Connections the clustered job store takes from the shared pool at most: one per worker
     * thread (each records its job's completion), plus Quartz's own scheduler, cluster check-in
     * and misfire threads.
     */
    public static final int CLUSTER_CONNECTIONS = CLUSTER_THREADS + 3;

    private final Scheduler scheduler;
    private final Scheduler node;
    private final boolean clustered;
    private final Set<JobKey> scheduled = new HashSet<>();

    /** Single mode: the in-memory job store. */
    public AgentScheduler(Map<Class<? extends Job>, Job> jobs) throws SchedulerException {
        this.scheduler = new StdSchedulerFactory(ramProperties(NAME)).getScheduler();
        this.node = scheduler;
        this.clustered = false;
        useJobs(scheduler, jobs);
    }

    private AgentScheduler(Map<Class<? extends Job>, Job> jobs, ClusteredStore store) throws SchedulerException {
        this.scheduler = unlisted(clusterProperties(store));
        try {
            this.node = unlisted(ramProperties(NAME + "-node-" + store.nodeId()));
        } catch (SchedulerException | RuntimeException e) {
            scheduler.shutdown(false);
            throw e;
        }
        this.clustered = true;
        useJobs(scheduler, jobs);
        useJobs(node, jobs);
    }

    /** Cluster mode: Quartz's clustered JDBC job store (see the class comment). */
    public static AgentScheduler clustered(Map<Class<? extends Job>, Job> jobs, ClusteredStore store)
            throws SchedulerException {
        return new AgentScheduler(jobs, store);
    }

    public boolean isClustered() {
        return clustered;
    }

    /** Adds a job that runs now and then every {@code interval}. */
    public void every(JobKey key, Class<? extends Job> type, Duration interval) throws SchedulerException {
        every(key, type, interval, Duration.ZERO);
    }

    /**
     * Adds a job that runs every {@code interval}, the first time {@code firstAfter} after the
     * schedule is built (another job may start it earlier with {@code triggerJob}). In cluster mode
     * a job already scheduled with this interval is left as it is (its next firing is the
     * cluster's); one with another interval gets a new trigger.
     */
    public void every(JobKey key, Class<? extends Job> type, Duration interval, Duration firstAfter)
            throws SchedulerException {
        scheduled.add(key);
        if (!clustered) {
            scheduler.scheduleJob(job(key, type), trigger(key, interval, firstAfter));
            return;
        }
        Trigger existing = scheduler.getTrigger(TriggerKey.triggerKey(key.getName()));
        if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == interval.toMillis()
                && key.equals(existing.getJobKey()) && sameJob(key, type)
                && scheduler.getTriggerState(existing.getKey()) != Trigger.TriggerState.ERROR) {
            return;
        }
        try {
            scheduler.addJob(job(key, type), true);
            if (existing == null) {
                scheduler.scheduleJob(trigger(key, interval, firstAfter));
                LOG.info("cluster schedule: {} every {} created", key.getName(), interval);
            } else {
                scheduler.rescheduleJob(existing.getKey(), trigger(key, interval, firstAfter));
                LOG.info("cluster schedule: {} now every {}", key.getName(), interval);
            }
        } catch (ObjectAlreadyExistsException e) {
            LOG.debug("cluster schedule: another node created {} at the same moment; theirs stands", key.getName());
        }
    }

    /**
     * Adds {@code count} jobs {@code prefix0} ... {@code prefix<count-1>} of one type, each on its
     * own trigger every {@code interval}; their first runs spread evenly over one interval after
     * {@code firstAfter}, so the parts of the work do not all start at once.
     */
    public void everyPart(String prefix, int count, Class<? extends Job> type, Duration interval, Duration firstAfter)
            throws SchedulerException {
        long step = interval.toMillis() / count;
        for (int n = 0; n < count; n++) {
            every(JobKey.jobKey(prefix + n), type, interval, firstAfter.plusMillis(step * n));
        }
    }

    /**
     * Cluster mode: deletes the jobs (and their triggers) that no {@link #every} call of this node
     * named: shards beyond a reduced count, a job switched off. Call after scheduling everything.
     * The cluster follows the settings of the node that started last.
     */
    public void removeUnscheduled() throws SchedulerException {
        if (!clustered) {
            return;
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.anyJobGroup())) {
            if (!scheduled.contains(key) && scheduler.deleteJob(key)) {
                LOG.info("cluster schedule: {} removed (not in this node's settings)", key.getName());
            }
        }
    }

    /**
     * Adds a job that runs on this node only, every {@code interval}, the first time after
     * {@code firstAfter} (in single mode, the same as {@link #every}).
     */
    public void everyOnNode(JobKey key, Class<? extends Job> type, Duration interval, Duration firstAfter)
            throws SchedulerException {
        if (!clustered) {
            every(key, type, interval, firstAfter);
            return;
        }
        node.scheduleJob(job(key, type), trigger(key, interval, firstAfter));
    }

    /** Runs a job now, in addition to its schedule (a run under way makes this one wait). */
    public void runNow(JobKey key) {
        try {
            scheduler.triggerJob(key);
        } catch (SchedulerException e) {
            // shutting down, or (cluster) the database is down: the job's next scheduled run does the work
        }
    }

    public void start() throws SchedulerException {
        scheduler.start();
        if (node != scheduler) {
            node.start();
        }
    }

    /** True while the schedule runs (started, not in standby, not shut down): for /readyz in cluster mode. */
    public boolean running() {
        try {
            return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /**
     * Stops taking new runs, interrupts the running ones that can be (a DNS sweep abandons the zones
     * it has not committed) and waits for them to end; callers bound the wait (see RunCommand).
     */
    @Override
    public void close() throws SchedulerException {
        try {
            if (node != scheduler) {
                node.shutdown(true);
            }
        } finally {
            scheduler.shutdown(true);
        }
    }

    private boolean sameJob(JobKey key, Class<? extends Job> type) throws SchedulerException {
        JobDetail stored = scheduler.getJobDetail(key);
        return stored != null && stored.getJobClass().equals(type) && stored.requestsRecovery() && stored.isDurable();
    }

    private JobDetail job(JobKey key, Class<? extends Job> type) {
        return JobBuilder.newJob(type).withIdentity(key).storeDurably().requestRecovery(clustered).build();
    }

    private static Trigger trigger(JobKey key, Duration interval, Duration firstAfter) {
        return TriggerBuilder.newTrigger()
                .withIdentity(key.getName())
                .forJob(key)
                .startAt(new Date(System.currentTimeMillis() + firstAfter.toMillis()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    private static void useJobs(Scheduler scheduler, Map<Class<? extends Job>, Job> jobs) throws SchedulerException {
        scheduler.setJobFactory((bundle, s) -> {
            Job job = jobs.get(bundle.getJobDetail().getJobClass());
            if (job == null) {
                throw new SchedulerException("no instance for job " + bundle.getJobDetail().getJobClass());
            }
            return job;
        });
    }

    /**
     * A new scheduler, left out of Quartz's JVM-wide registry: every node of a cluster must use the
     * same scheduler name (it is the job store's SCHED_NAME), and the registry would hand a second
     * node in one JVM (tests run several) the first node's scheduler.
     */
    private static Scheduler unlisted(Properties properties) throws SchedulerException {
        Scheduler s = new StdSchedulerFactory(properties).getScheduler();
        SchedulerRepository.getInstance().remove(s.getSchedulerName());
        return s;
    }

    private static Properties ramProperties(String name) {
        Properties p = common(name, THREADS);
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
        return p;
    }

    private static Properties clusterProperties(ClusteredStore store) {
        Properties p = common(NAME, CLUSTER_THREADS);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, store.nodeId());
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", store.dataSource());
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(store.checkInInterval().toMillis()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(store.misfireThreshold().toMillis()));
        // job data as strings only: nothing serialized into the database
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }

    private static Properties common(String name, int threads) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "true");
        return p;
    }
}
