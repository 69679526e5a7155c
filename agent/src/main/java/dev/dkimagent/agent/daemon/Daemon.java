package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.Version;
import dev.dkimagent.agent.alert.AlertChannel;
import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.alert.Lifecycle;
import dev.dkimagent.agent.alert.ClaimPolicy;
import dev.dkimagent.agent.alert.StoredFormatException;
import dev.dkimagent.agent.clusterview.SharedZones;
import dev.dkimagent.agent.pipeline.SharedSesView;
import dev.dkimagent.agent.pipeline.ZonePublisher;
import dev.dkimagent.agent.store.StoreAccessException;
import dev.dkimagent.agent.alert.OutboxDispatcher;
import dev.dkimagent.agent.alert.slack.SlackChannels;
import dev.dkimagent.agent.cluster.ConfigHash;
import dev.dkimagent.agent.cluster.NodeRegistry;
import dev.dkimagent.agent.config.AlertingSettings;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.alert.DeliveryEvent;
import dev.dkimagent.agent.inventory.CombinedInventory;
import dev.dkimagent.agent.inventory.ses.SesCallEvent;
import dev.dkimagent.agent.inventory.ses.SesInventory;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.metrics.ClusterNodeGauges;
import dev.dkimagent.agent.metrics.MetricsServer;
import dev.dkimagent.agent.metrics.Readiness;
import dev.dkimagent.agent.pipeline.CommitAndPublish;
import dev.dkimagent.agent.pipeline.CanaryRefresh;
import dev.dkimagent.agent.pipeline.Propagation;
import dev.dkimagent.agent.pipeline.SesRefresh;
import dev.dkimagent.agent.metrics.CanaryGauges;
import dev.dkimagent.agent.schedule.CanaryJob;
import dev.dkimagent.agent.wiring.CanarySetup;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import dev.dkimagent.agent.pipeline.Sweep;
import dev.dkimagent.agent.pipeline.ZoneExclusion;
import dev.dkimagent.agent.pipeline.ZonePipeline;
import dev.dkimagent.agent.cluster.ClusterZoneLocks;
import dev.dkimagent.agent.cluster.ShardJob;
import dev.dkimagent.agent.schedule.AgentScheduler;
import dev.dkimagent.agent.schedule.DnsSweepJob;
import dev.dkimagent.agent.schedule.OutboxJob;
import dev.dkimagent.agent.schedule.SesInventoryJob;
import dev.dkimagent.agent.schedule.SoaWatchJob;
import dev.dkimagent.agent.notify.NotifyListener;
import java.net.InetSocketAddress;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.StoreException;
import dev.dkimagent.agent.store.StoreHealer;
import dev.dkimagent.agent.store.StoreOptions;
import dev.dkimagent.agent.store.StoreStatus;
import dev.dkimagent.agent.wiring.DnsRuntime;
import dev.dkimagent.agent.wiring.QueryMetrics;
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
    static final org.quartz.JobKey CANARY = org.quartz.JobKey.jobKey("canary");

    private final List<AutoCloseable> resources = new ArrayList<>();
    private MetricsServer server;
    private ZonePipeline zones;
    private volatile AgentScheduler scheduler;
    private NotifyListener notifyListener;

    private Daemon(Settings settings, Clock clock, DaemonEdges edges, boolean moveAsideUnreadableState)
            throws StoreException, IOException, SchedulerException {
        try {
            wire(settings, clock, edges, moveAsideUnreadableState);
        } catch (StoreException | IOException | SchedulerException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void wire(Settings settings, Clock clock, DaemonEdges edges, boolean moveAsideUnreadableState)
            throws StoreException, IOException, SchedulerException {
        boolean cluster = settings.cluster().enabled();
        String node = settings.cluster().nodeId();
        AgentMetrics metrics = cluster ? AgentMetrics.clustered(Version.current(), node)
                : new AgentMetrics(Version.current());
        Store store = keep(openStore(settings, clock, moveAsideUnreadableState, metrics));
        keep(StoreHealer.start(store));
        if (cluster) {
            registerNode(settings, store, metrics, clock);
        }
        AlertStateStore states = new AlertStateStore(store);
        DnsRuntime dns = keep(new DnsRuntime(settings, QueryMetrics.feeding(metrics)));
        CombinedInventory inventory = new CombinedInventory(settings.identities());
        SharedSesView sesView = startingSesView(states, inventory);
        Lifecycle lifecycle = new Lifecycle(settings.alerting().policy());
        ZonePublisher publisher = cluster ? new SharedZones(store.clusterTables(), metrics, clock)
                : ZonePublisher.local(metrics);
        CommitAndPublish commit = new CommitAndPublish(states, store, lifecycle, metrics, publisher);
        Propagation propagation = new Propagation(settings.watch().propagationGrace());
        ZoneExclusion others = cluster ? keep(new ClusterZoneLocks(store::dataSource)) : ZoneExclusion.LOCAL;
        this.zones = new ZonePipeline(PipelineWiring.judge(settings, dns, inventory::sesView, propagation), commit,
                clock, others);
        Sweep sweep = PipelineWiring.sweep(settings, dns, zones, inventory::identities, clock);
        AlertChannel channel = edges.alerts() != null ? edges.alerts() : channel(settings.alerting());
        // kept: closing it (after the schedule stops) hands this node's claimed messages over at once
        OutboxDispatcher outbox = keep(new OutboxDispatcher(store, channel, clock,
                event -> metrics.notification(event.channel(), event.outcome()),
                settings.alerting().slack().readTimeout(), ClaimPolicy.of(cluster, node, settings.cluster().lease())));
        metrics.outboxPending(outbox::pendingCount);
        metrics.notificationChannel(channel.name(), DeliveryEvent.OUTCOMES);
        metrics.outboxHeld(outbox::heldCount);

        Map<Class<? extends Job>, Job> jobs = new LinkedHashMap<>();
        jobs.put(OutboxJob.class, new OutboxJob(outbox));
        metrics.scheduled("dns", settings.schedule().dnsInterval());
        SesRefresh sesRefresh = null;
        if (settings.ses().enabled()) {
            metrics.scheduled("ses", settings.schedule().sesInterval());
            metrics.sesOperations(SesCallEvent.OPERATIONS, SesCallEvent.OUTCOMES);
            SesInventory ses = keep(SesSetup.inventory(settings.ses(), edges.sesCredentials(), clock,
                    event -> metrics.sesCall(event.operation(), event.outcome())));
            sesRefresh = new SesRefresh(ses, sesView, metrics, clock);
            jobs.put(SesInventoryJob.class, new SesInventoryJob(sesRefresh,
                    cluster ? List.of() : List.of(AgentScheduler.DNS_SWEEP)));
        }
        if (cluster) {
            jobs.put(ShardJob.class, ClusterWiring.shardJob(settings, sweep, store, sesRefresh, sesView, inventory, clock));
            keep(ClusterWiring.metricsPublisher(settings, store, metrics, sesView, inventory, clock).start());
        } else {
            jobs.put(DnsSweepJob.class, new DnsSweepJob(sweep));
        }
        if (settings.canary().enabled()) {
            jobs.put(CanaryJob.class, new CanaryJob(canary(settings, dns, lifecycle, states, metrics, clock, edges)));
        }
        this.server = keep(new MetricsServer(settings.http().bind(), settings.http().port(), metrics,
                () -> readiness(cluster, commit, store)));
        ChangeWatch changes = keep(new ChangeWatch(settings.watch(), settings.alerting().policy().firingAfter(),
                settings.dns().timeout(), zones, commit, zone -> propagation.graceLeft(zone, clock.instant()), dns,
                metrics.changes()));
        changes.soaWatch().ifPresent(w -> jobs.put(SoaWatchJob.class, new SoaWatchJob(w)));
        this.notifyListener = changes.listener().orElse(null);
        if (cluster) {
            changes.shareSerials(new ClusterSerialClaims(store, node, clock));
        }
        AgentScheduler schedule = cluster ? AgentScheduler.clustered(jobs, ClusterWiring.jobStore(settings, store))
                : new AgentScheduler(jobs);
        this.scheduler = schedule;
        scheduleJobs(schedule, settings, changes);
    }

    /** Every job on its interval: the sweep (or the cluster's shards), SES, the outbox, the canary, the SOA watch. */
    private static void scheduleJobs(AgentScheduler schedule, Settings settings, ChangeWatch changes)
            throws SchedulerException {
        Duration dnsInterval = settings.schedule().dnsInterval();
        if (settings.cluster().enabled()) {
            ClusterWiring.schedule(schedule, settings);
        } else if (settings.ses().enabled()) {
            // SES first: its first scan triggers the first DNS sweep, so SES identities are in it
            // (and /readyz does not turn ready on a sweep that checked none of them).
            schedule.every(AgentScheduler.SES_INVENTORY, SesInventoryJob.class, settings.schedule().sesInterval());
            schedule.every(AgentScheduler.DNS_SWEEP, DnsSweepJob.class, dnsInterval, dnsInterval);
        } else {
            schedule.every(AgentScheduler.DNS_SWEEP, DnsSweepJob.class, dnsInterval);
        }
        schedule.every(AgentScheduler.OUTBOX, OutboxJob.class, OUTBOX_TICK);
        if (settings.canary().enabled()) {
            schedule.every(CANARY, CanaryJob.class, settings.canary().interval());
        }
        changes.afterRecheck(() -> schedule.runNow(AgentScheduler.OUTBOX));
        if (changes.soaWatch().isPresent()) {
            // each node watches the zones it judged (their addresses are what its runs saw)
            Duration soa = settings.watch().soaInterval();
            schedule.everyOnNode(AgentScheduler.SOA_WATCH, SoaWatchJob.class, soa, soa);
        }
        schedule.removeUnscheduled();
    }


    /** This node's row in cluster_node and its settings fingerprint, renewed every check-in. */
    private void registerNode(Settings settings, Store store, AgentMetrics metrics, Clock clock) {
        ConfigHash hash = ConfigHash.of(settings, Version.current());
        NodeRegistry nodes = keep(NodeRegistry.start(store::dataSource, settings.cluster().nodeId(), hash, clock,
                settings.cluster().checkInInterval()));
        new ClusterNodeGauges(metrics.registry(), hash.shortHash(), nodes::mismatches);
        LOG.info("cluster node {}: version {}, settings {}", settings.cluster().nodeId(), hash.version(),
                hash.shortHash());
    }

    /** The canary (off by default: it sends real mail); its SES client closes with the daemon. */
    private CanaryRefresh canary(Settings settings, DnsRuntime dns, Lifecycle lifecycle, AlertStateStore states,
                                 AgentMetrics metrics, Clock clock, DaemonEdges edges) {
        var ses = keep(CanarySetup.clients(settings, edges.sesCredentials()));
        return new CanaryRefresh(CanarySetup.targets(settings.canary()), CanarySetup.probe(settings, dns, ses, clock, CanarySetup.POLL),
                PipelineWiring.engine(settings), lifecycle, states, new CanaryGauges(metrics.registry()), clock);
    }

    /**
     * The SES view as the last scan left it in the state (any node's), so SES identities are known
     * before this process scans; an unreadable one is logged and the first scan replaces it.
     */
    private static SharedSesView startingSesView(AlertStateStore states, CombinedInventory inventory) {
        SharedSesView view = new SharedSesView(states, inventory);
        try {
            view.reloadIfNewer();
        } catch (StoredFormatException | StoreAccessException e) {
            LOG.error("the stored SES view cannot be read; the first SES scan replaces it: {}", e.getMessage());
        }
        return view;
    }

    /** Opens the state, binds the endpoint and starts the schedule; the first sweep runs at once. */
    public static Daemon start(Settings settings, Clock clock) throws StoreException, IOException, SchedulerException {
        return start(settings, clock, DaemonEdges.fromSettings());
    }

    /**
     * As {@link #start(Settings, Clock)}; {@code moveAsideUnreadableState} moves an existing state
     * file that cannot be opened aside (loudly) instead of refusing to start.
     */
    public static Daemon start(Settings settings, Clock clock, boolean moveAsideUnreadableState)
            throws StoreException, IOException, SchedulerException {
        return start(settings, clock, DaemonEdges.fromSettings(), moveAsideUnreadableState);
    }

    /** As {@link #start(Settings, Clock)}, with the alert channel or SES credentials supplied by the caller. */
    public static Daemon start(Settings settings, Clock clock, DaemonEdges edges)
            throws StoreException, IOException, SchedulerException {
        return start(settings, clock, edges, false);
    }

    private static Daemon start(Settings settings, Clock clock, DaemonEdges edges, boolean moveAsideUnreadableState)
            throws StoreException, IOException, SchedulerException {
        Daemon daemon = new Daemon(settings, clock, edges, moveAsideUnreadableState);
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

    /** The NOTIFY listener's UDP addresses (the ports bound), empty when it is off. */
    public List<InetSocketAddress> notifyAddresses() {
        return notifyListener == null ? List.of() : notifyListener.udpAddresses();
    }

    /** The per-zone pipeline: {@code recheck(zone)} for whatever wants one zone looked at now. */
    public ZonePipeline zones() {
        return zones;
    }

    private AlertChannel channel(AlertingSettings a) {
        AlertChannel channel = SlackChannels.create(a.slack());
        if (channel instanceof AutoCloseable closeable) {
            resources.add(closeable);
        }
        LOG.info("alerts go to {}", channel.name());
        return channel;
    }

    /** The store, reopened by itself with backoff when it goes down; its health is published. */
    private Store openStore(Settings settings, Clock clock, boolean moveAside, AgentMetrics metrics)
            throws StoreException {
        var state = settings.state();
        StoreOptions options = new StoreOptions(moveAside, clock);
        if (settings.cluster().enabled()) {
            options = options.clustered(ClusterWiring.EXTRA_CONNECTIONS);
        }
        Store store = Store.open(state.url(), state.user(), state.password(), options);
        store.movedAside().ifPresent(aside -> metrics.store().movedAside());
        metrics.store().up(store::reachable);
        return store;
    }

    /**
     * Ready when the store is reachable and, in single mode, the first sweep is done; in cluster
     * mode when the schedule runs (a node may rightly own no shard yet, and the cluster's sweeps
     * go on without it).
     */
    private Readiness readiness(boolean cluster, CommitAndPublish commit, Store store) {
        if (!store.reachable()) {
            StoreStatus status = store.status();
            return Readiness.notReady("the state store is down since " + status.since() + ": " + status.reason());
        }
        if (cluster) {
            AgentScheduler s = scheduler;
            return s != null && s.running() ? Readiness.yes() : Readiness.notReady("the cluster schedule is not running");
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
