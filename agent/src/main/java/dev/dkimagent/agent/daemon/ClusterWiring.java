package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.cluster.ShardJob;
import dev.dkimagent.agent.cluster.ShardLog;
import dev.dkimagent.agent.cluster.ShardSweeps;
import dev.dkimagent.agent.cluster.Shards;
import dev.dkimagent.agent.cluster.StoreConnections;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.inventory.CombinedInventory;
import dev.dkimagent.agent.clusterview.MetricsPublisher;
import dev.dkimagent.agent.config.ClusterSettings;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.pipeline.SesRefresh;
import dev.dkimagent.agent.pipeline.SharedSesView;
import dev.dkimagent.rules.model.SesView;
import java.util.function.Supplier;
import dev.dkimagent.agent.pipeline.Sweep;
import dev.dkimagent.agent.schedule.AgentScheduler;
import dev.dkimagent.agent.schedule.ClusteredStore;
import dev.dkimagent.agent.schedule.SesInventoryJob;
import dev.dkimagent.agent.store.Store;
import java.time.Clock;
import java.time.Duration;
import org.quartz.SchedulerException;

/** The daemon's cluster-mode parts (cluster.enabled): shard jobs, the clustered job store, the schedule. */
final class ClusterWiring {
    /**
     * Connections the pool holds beyond the store's own: the clustered job store's (see
     * AgentScheduler.CLUSTER_CONNECTIONS), the zone locks' session and the shard log's writes.
     */
    static final int EXTRA_CONNECTIONS = AgentScheduler.CLUSTER_CONNECTIONS + 2;

    private ClusterWiring() {
    }

    /** The one job instance that runs every shard of this node, recording each run in cluster_shard. */
    static ShardJob shardJob(Settings settings, Sweep sweep, Store store, SesRefresh ses, SharedSesView shared,
                             CombinedInventory inventory, Clock clock) {
        return new ShardJob(new ShardSweeps(sweep, settings.cluster().shards(), settings.cluster().nodeId(),
                new ShardLog(store::dataSource), newestSesView(ses, shared, inventory), clock));
    }

    /**
     * The node that holds the metrics-publisher lease exports the cluster's domain series from the
     * shared state (zone_series, the shared SES view); the others export none.
     */
    static MetricsPublisher metricsPublisher(Settings settings, Store store, AgentMetrics metrics,
                                             SharedSesView shared, CombinedInventory inventory, Clock clock) {
        ClusterSettings c = settings.cluster();
        Supplier<SesView> ses = () -> {
            shared.reloadIfNewer();
            return inventory.sesView();
        };
        return new MetricsPublisher(store.clusterTables(), metrics, ses, c.nodeId(), c.lease(),
                MetricsPublisher.zoneRetention(settings.schedule().dnsInterval(), c.misfireThreshold(),
                        c.checkInInterval()), clock);
    }

    /** Quartz's clustered job store on the state database, its connections from the store's pool. */
    static ClusteredStore jobStore(Settings settings, Store store) {
        var c = settings.cluster();
        return new ClusteredStore(c.nodeId(), new StoreConnections(store::dataSource).register(), c.checkInInterval(),
                c.misfireThreshold());
    }

    /**
     * The shards (staggered over one DNS interval, starting now) and the one cluster-wide SES scan.
     * A node's shards take the newest SES view first ({@link #newestSesView}), so a
     * node never judges SES identities it has not seen yet.
     */
    static void schedule(AgentScheduler schedule, Settings settings) throws SchedulerException {
        if (settings.ses().enabled()) {
            schedule.every(AgentScheduler.SES_INVENTORY, SesInventoryJob.class, settings.schedule().sesInterval());
        }
        schedule.everyPart(Shards.PREFIX, settings.cluster().shards(), ShardJob.class,
                settings.schedule().dnsInterval(), Duration.ZERO);
    }

    /**
     * What a node's shard run needs first: with SES on, the newest SES view any node stored (an
     * unreadable one fails the run: judging without SES would resolve its findings wrongly), or,
     * before any node stored one, a scan of its own. Without SES: nothing.
     */
    static Runnable newestSesView(SesRefresh refresh, SharedSesView shared, CombinedInventory inventory) {
        if (refresh == null) {
            return () -> { };
        }
        return () -> {
            shared.reloadIfNewer();
            synchronized (refresh) {
                if (!inventory.sesScanned()) {
                    refresh.runOnce();
                }
            }
        };
    }
}
