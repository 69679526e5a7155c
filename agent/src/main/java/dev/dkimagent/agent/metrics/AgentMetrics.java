package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.LabelValues.lowerToken;
import static dev.dkimagent.agent.metrics.LabelValues.token;
import static dev.dkimagent.agent.metrics.MetricNames.*;

import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.matrix.Matrices;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Snapshot;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.hotspot.BufferPoolsExports;
import io.prometheus.client.hotspot.ClassLoadingExports;
import io.prometheus.client.hotspot.GarbageCollectorExports;
import io.prometheus.client.hotspot.MemoryAllocationExports;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.StandardExports;
import io.prometheus.client.hotspot.ThreadExports;
import io.prometheus.client.hotspot.VersionInfoExports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The agent's Prometheus metrics, in a registry of their own (no default-registry globals, no
 * {@code _created} series). Observed state replaces the previous state, whole or one zone at a time;
 * events are counted. Thread-safe: sweeps, the alert loop and scrapes call it concurrently.
 *
 * <p>In cluster mode ({@link #clustered}) the domain series (records, zones, nameservers,
 * findings, SES identities) come only from the cluster's shared view, and only on the node that
 * publishes for the cluster (see {@code clusterview.MetricsPublisher}): the {@code publish*} calls
 * of this node's own sweeps add no domain series, so Prometheus sees one series per record,
 * finding and SES identity however many nodes it scrapes. Events, sweeps, the store and the
 * process are this node's own on every node.
 */
public final class AgentMetrics {
    /** DNS round trips: a loopback answer takes well under a millisecond, a timeout seconds. */
    static final double[] QUERY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final CollectorRegistry registry = new CollectorRegistry();
    private final ChangeMetrics changes = new ChangeMetrics();
    private final ZoneGauges zoneGauges = new ZoneGauges();
    private final PublishedFamilies sesGauges = new PublishedFamilies(SesGauges.empty());
    private final ScrapeTimeGauge outboxPending = new ScrapeTimeGauge(NOTIFICATION_OUTBOX_PENDING,
            "Notifications waiting in the outbox for delivery.");
    private final StoreGauges store = new StoreGauges();
    private final ScrapeTimeGauge outboxHeld = new ScrapeTimeGauge(NOTIFICATION_OUTBOX_HELD,
            "Notifications kept in the outbox because the channel refused its configuration (404/410, "
                    + "invalid_auth, channel_not_found); they go out once the settings are fixed.");

    private final Counter dnsQueries = Counter.build(DNS_QUERIES,
            "Direct DNS queries to nameservers (RD=0), by how they ended.").labelNames(OUTCOME).create();
    private final Histogram queryDuration = Histogram.build(NAMESERVER_QUERY_DURATION,
            "Round-trip time of direct DNS queries that got a reply, by nameserver address.")
            .labelNames(ADDRESS).buckets(QUERY_BUCKETS).create();
    private final QueryDurationChildren queryDurationChildren;
    private final Counter sesCalls = Counter.build(SES_API_CALLS,
            "Amazon SES API calls, by operation and outcome.").labelNames(OPERATION, OUTCOME).create();
    private final Counter notifications = Counter.build(NOTIFICATIONS,
            "Notification delivery attempts, by channel and outcome.").labelNames(CHANNEL, OUTCOME).create();
    private final Counter sweeps = Counter.build(SWEEPS,
            "Finished sweeps, by kind (dns, ses) and outcome (success, failure).").labelNames(KIND, OUTCOME).create();
    private final Gauge sweepDuration = Gauge.build(SWEEP_DURATION,
            "How long the last sweep of this kind took.").labelNames(KIND).create();
    private final Gauge sweepLastSuccess = Gauge.build(SWEEP_LAST_SUCCESS,
            "When the last successful sweep of this kind finished.").labelNames(KIND).create();
    private final Gauge scheduleInterval = Gauge.build(SCHEDULE_INTERVAL,
            "The configured interval between sweeps of this kind (dns, ses): alerts measure staleness with it.")
            .labelNames(KIND).create();
    private final AtomicBoolean processMetrics = new AtomicBoolean();
    /** Null in single mode. */
    private final ClusterGauges cluster;

    public AgentMetrics(String version) {
        this(version, System::nanoTime);
    }

    /** ticker: nanoseconds like System.nanoTime, read to find idle query-duration series (a seam for tests). */
    AgentMetrics(String version, LongSupplier ticker) {
        this(version, ticker, null);
    }

    /**
     * Cluster mode: this node ({@code nodeId}, cluster.node-id) exports its own series and the
     * cluster families; the domain series only while it publishes for the cluster.
     */
    public static AgentMetrics clustered(String version, String nodeId) {
        return new AgentMetrics(version, System::nanoTime, Objects.requireNonNull(nodeId, "nodeId"));
    }

    private AgentMetrics(String version, LongSupplier ticker, String nodeId) {
        this.cluster = nodeId == null ? null : new ClusterGauges(nodeId);
        this.queryDurationChildren = new QueryDurationChildren(queryDuration, ticker);
        Gauge buildInfo = Gauge.build(BUILD_INFO, "Always 1; the version label names the running build.")
                .labelNames(VERSION).create();
        buildInfo.labels(LabelValues.name(version)).set(1);
        for (Collector c : List.of(zoneGauges.dnsCollector(), sesGauges, zoneGauges.findingCollector(), outboxPending,
                outboxHeld, sweepDuration, sweepLastSuccess, scheduleInterval, buildInfo)) {
            registry.register(c);
        }
        for (Collector c : List.of(dnsQueries, queryDuration, sesCalls, notifications, sweeps)) {
            registry.register(new NoCreatedSeries(c));
        }
        changes.collectors().forEach(c -> registry.register(new NoCreatedSeries(c)));
        store.collectors().forEach(registry::register);
        if (cluster != null) {
            registry.register(cluster);
            // the outbox is the cluster's: one series, from the publishing node
            outboxPending.shownOnlyWhen(cluster::publisher);
            outboxHeld.shownOnlyWhen(cluster::publisher);
        }
    }

    /** True in cluster mode. */
    public boolean clustered() {
        return cluster != null;
    }

    /** The state store's series. */
    public StoreGauges store() {
        return store;
    }

    /** NOTIFY, SOA watch and recheck metrics. */
    public ChangeMetrics changes() {
        return changes;
    }

    /** Starts every known direct-query outcome at 0, so the first failure shows as an increase. */
    public void dnsOutcomes(List<String> outcomes) {
        outcomes.forEach(outcome -> dnsQueries.labels(lowerToken(outcome)));
    }

    /**
     * Adds the JVM and process metrics (heap, GC, threads, open and maximum file descriptors,
     * process_start_time_seconds) of simpleclient_hotspot; once, however often it is called. Kept
     * out of the constructor so tests that compare whole expositions see only the agent's own.
     */
    public void includeProcessMetrics() {
        if (processMetrics.compareAndSet(false, true)) {
            for (Collector c : List.of(new StandardExports(), new MemoryPoolsExports(), new MemoryAllocationExports(),
                    new BufferPoolsExports(), new GarbageCollectorExports(), new ThreadExports(),
                    new ClassLoadingExports(), new VersionInfoExports())) {
                registry.register(new NoCreatedSeries(c));
            }
        }
    }

    /**
     * A sweep of {@code kind} (dns, ses) is scheduled every {@code interval}: exports the interval
     * and creates its sweep counters at 0, so the first failure is an increase alerts can see.
     */
    public void scheduled(String kind, Duration interval) {
        String k = lowerToken(kind);
        scheduleInterval.labels(k).set(interval.toMillis() / 1000.0);
        sweeps.labels(k, "success");
        sweeps.labels(k, "failure");
    }

    /** Creates the delivery counters of this channel at 0 for every outcome (see {@link #scheduled}). */
    public void notificationChannel(String channel, List<String> outcomes) {
        outcomes.forEach(outcome -> notifications.labels(lowerToken(channel), lowerToken(outcome)));
    }

    /** Creates the SES call counters at 0 for every operation x outcome (see {@link #scheduled}). */
    public void sesOperations(List<String> operations, List<String> outcomes) {
        for (String operation : operations) {
            outcomes.forEach(outcome -> sesCalls.labels(token(operation), lowerToken(outcome)));
        }
    }

    public CollectorRegistry registry() {
        return registry;
    }

    /**
     * Replaces the record, zone and nameserver gauges with what this DNS snapshot shows, and drops
     * the query-duration series of addresses gone from it and idle (see QueryDurationChildren).
     */
    public void publishSnapshot(Snapshot snapshot) {
        if (cluster != null) {
            return; // cluster mode: domain series come from the shared view only
        }
        zoneGauges.publishAll(snapshot);
        queryDurationChildren.retainFor(snapshot);
    }

    /**
     * Replaces one zone's record, zone and nameserver gauges and its dkim_findings with what this
     * zone's snapshot and firing findings show; the other zones' series stay.
     */
    public void publishZone(String zone, Snapshot snapshot, List<FiringFinding> firing) {
        publishZone(zone, Matrices.of(snapshot), firing);
    }

    /** As above, with the matrices the rules judged (no second build). */
    public void publishZone(String zone, Map<String, ZoneMatrix> matrices, List<FiringFinding> firing) {
        if (cluster != null) {
            return; // cluster mode: see zoneDocument
        }
        zoneGauges.publish(zone, matrices, firing);
    }

    /**
     * Removes the series of zones not in {@code zones} (they left the inventory), and the
     * query-duration series of addresses no zone has any more and idle (see QueryDurationChildren).
     */
    public void retainZones(Set<String> zones) {
        if (cluster != null) {
            // this node's sweeps cover only some zones: its query-duration series go when idle
            queryDurationChildren.retainFor(Set.of());
            return;
        }
        zoneGauges.retain(zones);
        queryDurationChildren.retainFor(zoneGauges.addresses());
    }

    /**
     * Replaces the SES gauges with what this SES view shows. (The DNS {@link Snapshot} carries no
     * SES state, and the two sweeps run on their own schedules.)
     */
    public void publishSes(SesView ses) {
        if (cluster == null) {
            sesGauges.replace(SesGauges.of(ses));
        }
    }

    /** Replaces dkim_findings with the findings firing now. */
    public void publishFiring(List<FiringFinding> firing) {
        if (cluster == null) {
            zoneGauges.publishAllFiring(firing);
        }
    }

    // ---- cluster mode: the shared view ----

    /**
     * What {@link #publishZone} publishes for this zone in single mode, as a document for the
     * cluster's shared view (the judging node stores it; the publishing node reads it back).
     */
    public SeriesDocument zoneDocument(Map<String, ZoneMatrix> matrices, List<FiringFinding> firing) {
        return ZoneSeriesCodec.encode(ZoneGauges.tablesOf(matrices, firing));
    }

    /**
     * Publishing node: replaces one zone's domain series with a document some node stored.
     *
     * @throws IllegalArgumentException when the document is not in a format this version reads
     *                                  (the zone keeps its previous series)
     */
    public void publishSharedZone(String zone, SeriesDocument document) {
        List<GaugeTable> tables = ZoneSeriesCodec.decode(document, ZoneGauges.emptyTables());
        requireCluster();
        zoneGauges.put(zone, tables);
    }

    /** Publishing node: drops the domain series of zones not in the shared view any more. */
    public void retainSharedZones(Set<String> zones) {
        requireCluster();
        zoneGauges.retain(zones);
    }

    /** Publishing node: replaces the SES gauges with the cluster's shared SES view. */
    public void publishSharedSes(SesView ses) {
        requireCluster();
        sesGauges.replace(SesGauges.of(ses));
    }

    /** Publishing node: the live nodes and each shard's last run. */
    public void publishClusterState(int liveNodes, List<ShardRun> shards) {
        ClusterGauges c = requireCluster();
        c.nodes(liveNodes);
        c.shards(shards);
    }

    /** Whether this node publishes for the cluster now (dkim_cluster_metrics_publisher). */
    public void metricsPublisher(boolean publishing) {
        requireCluster().publisher(publishing);
    }

    /** This node stopped publishing for the cluster: every domain and cluster-wide series goes. */
    public void clearShared() {
        ClusterGauges c = requireCluster();
        c.publisher(false);
        c.clearShared();
        zoneGauges.retain(Set.of());
        sesGauges.replace(SesGauges.empty());
    }

    private ClusterGauges requireCluster() {
        if (cluster == null) {
            throw new IllegalStateException("the shared view is for cluster mode (AgentMetrics.clustered)");
        }
        return cluster;
    }

    /**
     * One direct query to a nameserver (RD=0) ended (resolver look-ups are not counted: see
     * wiring.QueryMetrics). A skipped query (never sent: its address's breaker was open) counts
     * under its own outcome and has no round trip (rttMillis -1).
     */
    public void directQuery(String address, String outcome, long rttMillis) {
        dnsQueries.labels(lowerToken(outcome)).inc();
        if (rttMillis >= 0) {
            queryDurationChildren.observe(LabelValues.name(address), rttMillis / 1000.0);
        }
    }

    /** One SES API call ended, e.g. ("GetEmailIdentity", "ok") or ("ListIdentities", "throttled"): see SesCallEvent. */
    public void sesCall(String operation, String outcome) {
        sesCalls.labels(token(operation), lowerToken(outcome)).inc();
    }

    /** One delivery attempt ended, e.g. ("slack_webhook", "delivered"), ("slack_bot", "retry"): see DeliveryEvent. */
    public void notification(String channel, String outcome) {
        notifications.labels(lowerToken(channel), lowerToken(outcome)).inc();
    }

    /** Where dkim_notification_outbox_held reads its value at each scrape. */
    public void outboxHeld(LongSupplier held) {
        outboxHeld.source(held);
    }

    /** Where dkim_notification_outbox_pending reads its value at each scrape. */
    public void outboxPending(LongSupplier pending) {
        outboxPending.source(pending);
    }

    /** A sweep of {@code kind} (dns, ses) finished; a failed sweep leaves the last success as it was. */
    public void sweepFinished(String kind, Duration took, Instant finishedAt, boolean success) {
        String k = lowerToken(kind);
        sweepDuration.labels(k).set(took.toNanos() / 1e9);
        sweeps.labels(k, success ? "success" : "failure").inc();
        if (success) {
            sweepLastSuccess.labels(k).set(finishedAt.toEpochMilli() / 1000.0);
        }
    }
}
