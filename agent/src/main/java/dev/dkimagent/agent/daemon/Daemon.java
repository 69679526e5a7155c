package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.Version;
import dev.dkimagent.agent.alert.AlertChannel;
import dev.dkimagent.agent.alert.AlertPolicy;
import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.alert.Lifecycle;
import dev.dkimagent.agent.alert.OutboxDispatcher;
import dev.dkimagent.agent.alert.slack.SlackChannels;
import dev.dkimagent.agent.alert.slack.SlackSettings;
import dev.dkimagent.agent.config.AlertingSettings;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.inventory.CombinedInventory;
import dev.dkimagent.agent.inventory.ses.SesInventory;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.metrics.MetricsServer;
import dev.dkimagent.agent.metrics.Readiness;
import dev.dkimagent.agent.pipeline.CommitAndPublish;
import dev.dkimagent.agent.pipeline.SesRefresh;
import dev.dkimagent.agent.pipeline.Sweep;
import dev.dkimagent.agent.pipeline.ZonePipeline;
import dev.dkimagent.agent.schedule.AgentScheduler;
import dev.dkimagent.agent.schedule.DnsSweepJob;
import dev.dkimagent.agent.schedule.OutboxJob;
import dev.dkimagent.agent.schedule.SesInventoryJob;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.StoreException;
import dev.dkimagent.agent.wiring.DnsRuntime;
import dev.dkimagent.agent.wiring.PipelineWiring;
import dev.dkimagent.agent.wiring.SesSetup;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartz.Job;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dkim-agent run}, wired: store, metrics endpoint, DNS and SES edges, the per-zone
 * pipeline and the sweep over it, the outbox and the Quartz schedule. Closing stops the schedule
 * first, so no zone commits after the store is gone.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    static final Duration OUTBOX_TICK = Duration.ofSeconds(2);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private MetricsServer server;
    private ZonePipeline zones;
    private AgentScheduler scheduler;

    private Daemon(Settings settings, Clock clock, DaemonEdges edges) throws StoreException, IOException, SchedulerException {
        try {
            this.scheduler = wire(settings, clock, edges);
        } catch (StoreException | IOException | SchedulerException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private AgentScheduler wire(Settings settings, Clock clock, DaemonEdges edges) throws StoreException, IOException, SchedulerException {
        AgentMetrics metrics = new AgentMetrics(Version.current());
        Store store = keep(Store.open(settings.state().url(), settings.state().user(), settings.state().password()));
        AlertStateStore states = new AlertStateStore(store);
        DnsRuntime dns = keep(new DnsRuntime(settings, metrics::dnsQuery));
        CombinedInventory inventory = new CombinedInventory(settings.identities());
        Lifecycle lifecycle = new Lifecycle(policy(settings.alerting()));
        CommitAndPublish commit = new CommitAndPublish(states, store, lifecycle, metrics);
        this.zones = new ZonePipeline(PipelineWiring.judge(settings, dns, inventory::sesView), commit, clock);
        Sweep sweep = PipelineWiring.sweep(settings, dns, zones, inventory::identities, clock);
        AlertChannel channel = edges.alerts() != null ? edges.alerts() : channel(settings.alerting());
        OutboxDispatcher outbox = new OutboxDispatcher(store, channel, clock,
                event -> metrics.notification(event.channel(), event.outcome()),
                settings.alerting().slack().readTimeout());
        metrics.outboxPending(outbox::pendingCount);
        metrics.outboxHeld(outbox::heldCount);

        Map<Class<? extends Job>, Job> jobs = new LinkedHashMap<>();
        jobs.put(DnsSweepJob.class, new DnsSweepJob(sweep));
        jobs.put(OutboxJob.class, new OutboxJob(outbox));
        if (settings.ses().enabled()) {
            SesInventory ses = keep(SesSetup.inventory(settings.ses(), edges.sesCredentials(), clock,
                    event -> metrics.sesCall(event.operation(), event.outcome())));
            jobs.put(SesInventoryJob.class, new SesInventoryJob(new SesRefresh(ses, inventory, states, metrics, clock),
                    AgentScheduler.DNS_SWEEP));
        }
        this.server = keep(new MetricsServer(settings.http().bind(), settings.http().port(), metrics,
                () -> readiness(commit, store)));
        AgentScheduler schedule = new AgentScheduler(jobs);
        Duration dnsInterval = settings.schedule().dnsInterval();
        if (settings.ses().enabled()) {
            // SES first: its first scan triggers the first DNS sweep, so SES identities are in it
            // (and /readyz does not turn ready on a sweep that checked none of them).
            schedule.every(AgentScheduler.SES_INVENTORY, SesInventoryJob.class, settings.schedule().sesInterval());
            schedule.every(AgentScheduler.DNS_SWEEP, DnsSweepJob.class, dnsInterval, dnsInterval);
        } else {
            schedule.every(AgentScheduler.DNS_SWEEP, DnsSweepJob.class, dnsInterval);
        }
        schedule.every(AgentScheduler.OUTBOX, OutboxJob.class, OUTBOX_TICK);
        return schedule;
    }

    /** Opens the state, binds the endpoint and starts the schedule; the first sweep runs at once. */
    public static Daemon start(Settings settings, Clock clock) throws StoreException, IOException, SchedulerException {
        return start(settings, clock, DaemonEdges.fromSettings());
    }

    /** As {@link #start(Settings, Clock)}, with the alert channel or SES credentials supplied by the caller. */
    public static Daemon start(Settings settings, Clock clock, DaemonEdges edges)
            throws StoreException, IOException, SchedulerException {
        Daemon daemon = new Daemon(settings, clock, edges);
        try {
            daemon.scheduler.start();
        } catch (SchedulerException e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    public int metricsPort() {
        return server.port();
    }

    /** The per-zone pipeline: {@code recheck(zone)} for whatever wants one zone looked at now. */
    public ZonePipeline zones() {
        return zones;
    }

    private static AlertPolicy policy(AlertingSettings a) {
        return new AlertPolicy(a.firingAfter(), a.resolveAfter(), a.repeatInterval(), a.minSeverity());
    }

    private AlertChannel channel(AlertingSettings a) {
        var s = a.slack();
        AlertChannel channel = SlackChannels.create(new SlackSettings(s.webhookUrl(), s.botToken(), s.channel(), s.apiUrl(),
                s.readTimeout()));
        if (channel instanceof AutoCloseable closeable) {
            resources.add(closeable);
        }
        LOG.info("alerts go to {}", channel.name());
        return channel;
    }

    private static Readiness readiness(CommitAndPublish commit, Store store) {
        if (!store.reachable()) {
            return Readiness.notReady("the state store is not reachable");
        }
        return commit.firstSweepDone() ? Readiness.yes() : Readiness.notReady("the first DNS sweep has not finished");
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    /**
     * Stops the schedule (a running sweep is interrupted: zones not yet committed commit nothing),
     * then the rest, newest first.
     */
    @Override
    public void close() {
        if (scheduler != null) {
            try {
                scheduler.close();
            } catch (SchedulerException e) {
                LOG.warn("stopping the schedule: {}", e.getMessage());
            }
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resources.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
