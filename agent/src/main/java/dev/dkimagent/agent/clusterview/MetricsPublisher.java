package dev.dkimagent.agent.clusterview;

import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.metrics.SeriesDocument;
import dev.dkimagent.agent.metrics.ShardRun;
import dev.dkimagent.agent.store.ClusterTables;
import dev.dkimagent.agent.store.ShardRow;
import dev.dkimagent.agent.store.StoreAccessException;
import dev.dkimagent.agent.store.ZoneSeriesRow;
import dev.dkimagent.rules.model.SesView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode: one node at a time publishes the cluster's domain series (records, findings, SES
 * identities) and its cluster-wide facts (live nodes, shard runs), read from the shared state. That
 * node holds the lease {@value #LEASE}; each {@link #tick} renews it (call it every lease/3) or, on
 * the other nodes, takes it once it has expired. The holder reads only the zones whose series
 * changed since its last read (plus a margin for commits that landed late), drops the zones no
 * sweep covered for {@code zoneRetention}, and publishes the shared SES view. A node that loses the
 * lease, or cannot renew it before it runs out by its own clock, drops every domain series first,
 * so two nodes never publish the same series for longer than the nodes' clocks disagree.
 */
public final class MetricsPublisher {
    static final String LEASE = "metrics-publisher";
    /** Rows committed up to this long after their updated_at are still read. */
    static final Duration LATE_COMMIT = Duration.ofSeconds(30);
    /** A holder that cannot renew stops publishing this long before its lease runs out (clock skew). */
    static final Duration SKEW = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(MetricsPublisher.class);

    private final ClusterTables tables;
    private final AgentMetrics metrics;
    private final Supplier<SesView> ses;
    private final String node;
    private final Duration lease;
    private final Duration zoneRetention;
    private final Clock clock;
    private Instant heldUntil;
    /** Each zone's document as last published: a row read again unchanged is skipped. */
    private final Map<String, Seen> published = new HashMap<>();

    /** A document's updated_at and hash: both equal means the same document (two writes in one millisecond differ in hash). */
    private record Seen(Instant updatedAt, int hash) {
    }
    private boolean publishing;
    /** When the last read of changed series started; null: read every zone next time. */
    private Instant lastRead;
    private boolean clusterStateFailed;

    /**
     * @param ses           the cluster's shared SES view now (empty before the first scan)
     * @param node          this node's id (cluster.node-id)
     * @param lease         cluster.lease: how long a silent holder keeps the lease
     * @param zoneRetention how long a zone no sweep covered keeps its series (see {@link #zoneRetention})
     */
    public MetricsPublisher(ClusterTables tables, AgentMetrics metrics, Supplier<SesView> ses, String node,
                            Duration lease, Duration zoneRetention, Clock clock) {
        if (!metrics.clustered()) {
            throw new IllegalArgumentException("the metrics publisher needs AgentMetrics.clustered");
        }
        this.tables = tables;
        this.metrics = metrics;
        this.ses = ses;
        this.node = node;
        this.lease = lease;
        this.zoneRetention = zoneRetention;
        this.clock = clock;
    }

    /**
     * How long a zone keeps its series without a sweep covering it: three DNS intervals plus the
     * time a dead node's shard takes to move (misfire threshold and check-in), so a zone that
     * left the inventory goes within that time and one whose shard is moving does not.
     */
    public static Duration zoneRetention(Duration dnsInterval, Duration misfireThreshold, Duration checkIn) {
        return dnsInterval.multipliedBy(3).plus(misfireThreshold).plus(checkIn.multipliedBy(2));
    }

    /** How often to call {@link #tick}: a third of the lease. */
    public Duration period() {
        return lease.dividedBy(3);
    }

    /**
     * Ticks every {@link #period()} on a daemon thread of its own, the first at once; closing it
     * stops the ticks, then {@link #stop()}s.
     */
    public AutoCloseable start() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "dkim-metrics-publisher");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::safeTick, 0, period().toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            stop();
        };
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            LOG.error("metrics publisher tick failed; the next tick tries again", e);
        }
    }

    /** One round: hold or take the lease, then publish from the shared state, or stop publishing. */
    public synchronized void tick() {
        Instant now = clock.instant();
        if (!holds(now)) {
            if (publishing) {
                LOG.info("node {} no longer publishes the cluster's metrics", node);
            }
            stopPublishing();
            return;
        }
        if (!publishing) {
            LOG.info("node {} publishes the cluster's metrics now (lease {})", node, LEASE);
            publishing = true;
        }
        metrics.metricsPublisher(true);
        publish(now);
    }

    /** Stops publishing and lets the lease go, so another node takes over at its next tick. */
    public synchronized void stop() {
        stopPublishing();
        try {
            tables.releaseLease(LEASE, node);
        } catch (StoreAccessException e) {
            LOG.info("the metrics-publisher lease was not released (it expires by itself): {}", e.getMessage());
        }
    }

    /** Drops every series this node published for the cluster; the next lease starts with a full read. */
    private void stopPublishing() {
        if (publishing) {
            metrics.clearShared();
            published.clear();
            lastRead = null;
            publishing = false;
        }
        metrics.metricsPublisher(false);
    }

    /** True while this node holds the lease (a failed renewal keeps it until it runs out, less the skew). */
    private boolean holds(Instant now) {
        try {
            if (tables.holdLease(LEASE, node, now, now.plus(lease))) {
                heldUntil = now.plus(lease);
                return true;
            }
            return false;
        } catch (StoreAccessException e) {
            boolean still = heldUntil != null && now.isBefore(heldUntil.minus(SKEW));
            LOG.warn("renewing the metrics-publisher lease failed ({}): {}", still ? "still held" : "not held",
                    e.getMessage());
            return still;
        }
    }

    private void publish(Instant now) {
        try {
            tables.expireZoneSeries(now.minus(zoneRetention));
            Instant since = lastRead == null ? Instant.EPOCH : lastRead.minus(LATE_COMMIT);
            tables.zoneSeriesChangedAfter(since, this::publishZone);
            Set<String> zones = tables.zoneSeriesZones();
            metrics.retainSharedZones(zones);
            published.keySet().retainAll(zones);
            lastRead = now;
        } catch (StoreAccessException e) {
            LOG.warn("reading the shared zone series failed; the series stay as last read: {}", e.getMessage());
        }
        publishSes();
        publishClusterState(now);
    }

    /** The shared SES view; while it cannot be read (or none was stored yet) the SES series stay as they were. */
    private void publishSes() {
        try {
            SesView view = ses.get();
            if (view != null) {
                metrics.publishSharedSes(view);
            }
        } catch (RuntimeException e) {
            LOG.warn("reading the shared SES view failed; the SES series stay as last read: {}", e.getMessage());
        }
    }

    private void publishZone(ZoneSeriesRow row) {
        Seen seen = new Seen(row.updatedAt(), row.series().json().hashCode());
        if (seen.equals(published.get(row.zone()))) {
            return; // read again within the late-commit margin, unchanged
        }
        try {
            metrics.publishSharedZone(row.zone(), new SeriesDocument(row.series().format(), row.series().json()));
            published.put(row.zone(), seen);
        } catch (IllegalArgumentException e) {
            LOG.warn("zone {}: its shared series are not readable by this version ({}); they show when a node of "
                    + "this version judges it", row.zone(), e.getMessage());
        }
    }

    private void publishClusterState(Instant now) {
        try {
            int live = tables.liveNodes(now);
            List<ShardRun> runs = tables.shards().stream().map(MetricsPublisher::run).toList();
            metrics.publishClusterState(live, runs);
            clusterStateFailed = false;
        } catch (StoreAccessException e) {
            if (!clusterStateFailed) {
                LOG.warn("reading the cluster's nodes and shard runs failed: {}", e.getMessage());
            }
            clusterStateFailed = true;
        }
    }

    private static ShardRun run(ShardRow row) {
        return new ShardRun(row.shard(), row.node(), row.finishedAt(), row.ok());
    }
}
