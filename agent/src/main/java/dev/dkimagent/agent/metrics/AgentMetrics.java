package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.LabelValues.lowerToken;
import static dev.dkimagent.agent.metrics.LabelValues.token;
import static dev.dkimagent.agent.metrics.MetricNames.*;

import dev.dkimagent.agent.dns.QueryEvent;
import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.matrix.Matrices;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Snapshot;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The agent's Prometheus metrics, in a registry of their own (no default-registry globals, no
 * {@code _created} series). Observed state replaces the previous state, whole or one zone at a time;
 * events are counted. Thread-safe: sweeps, the alert loop and scrapes call it concurrently.
 */
public final class AgentMetrics {
    /** DNS round trips: a loopback answer takes well under a millisecond, a timeout seconds. */
    static final double[] QUERY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final CollectorRegistry registry = new CollectorRegistry();
    private final ZoneGauges zoneGauges = new ZoneGauges();
    private final PublishedFamilies sesGauges = new PublishedFamilies(SesGauges.empty());
    private final ScrapeTimeGauge outboxPending = new ScrapeTimeGauge(NOTIFICATION_OUTBOX_PENDING,
            "Notifications waiting in the outbox for delivery.");
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

    public AgentMetrics(String version) {
        this(version, System::nanoTime);
    }

    /** ticker: nanoseconds like System.nanoTime, read to find idle query-duration series (a seam for tests). */
    AgentMetrics(String version, LongSupplier ticker) {
        this.queryDurationChildren = new QueryDurationChildren(queryDuration, ticker);
        Gauge buildInfo = Gauge.build(BUILD_INFO, "Always 1; the version label names the running build.")
                .labelNames(VERSION).create();
        buildInfo.labels(LabelValues.name(version)).set(1);
        for (Collector c : List.of(zoneGauges.dnsCollector(), sesGauges, zoneGauges.findingCollector(), outboxPending, outboxHeld,
                sweepDuration, sweepLastSuccess, buildInfo)) {
            registry.register(c);
        }
        for (Collector c : List.of(dnsQueries, queryDuration, sesCalls, notifications, sweeps)) {
            registry.register(new NoCreatedSeries(c));
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
        zoneGauges.publish(zone, matrices, firing);
    }

    /**
     * Removes the series of zones not in {@code zones} (they left the inventory), and the
     * query-duration series of addresses no zone has any more and idle (see QueryDurationChildren).
     */
    public void retainZones(Set<String> zones) {
        zoneGauges.retain(zones);
        queryDurationChildren.retainFor(zoneGauges.addresses());
    }

    /**
     * Replaces the SES gauges with what this SES view shows. (The DNS {@link Snapshot} carries no
     * SES state, and the two sweeps run on their own schedules.)
     */
    public void publishSes(SesView ses) {
        sesGauges.replace(SesGauges.of(ses));
    }

    /** Replaces dkim_findings with the findings firing now. */
    public void publishFiring(List<FiringFinding> firing) {
        zoneGauges.publishAllFiring(firing);
    }

    /**
     * One DNS query ended. Only direct queries to nameservers (RD=0) are counted and timed, as
     * documented; queries to the resolvers are not. A skipped query (never sent: its address's
     * breaker was open) counts under its own outcome and has no round trip.
     */
    public void dnsQuery(QueryEvent event) {
        if (event.recursive()) {
            return;
        }
        dnsQueries.labels(lowerToken(event.outcome())).inc();
        if (event.rttMillis() >= 0) {
            queryDurationChildren.observe(LabelValues.name(event.address()), event.rttMillis() / 1000.0);
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
