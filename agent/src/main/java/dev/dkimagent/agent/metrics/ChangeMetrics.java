package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.MetricNames.RESULT;
import static dev.dkimagent.agent.metrics.MetricNames.TRIGGER;
import static dev.dkimagent.agent.metrics.MetricNames.ZONE;

import io.prometheus.client.Collector;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import java.time.Duration;
import java.util.List;

/**
 * How zone changes are noticed: NOTIFY messages by result, rechecks by what triggered them, and
 * the time from the first sight of a change to the end of the recheck that looked at it. Plain
 * values only: the zone label is a watched zone or {@code other}, never text from the network.
 */
public final class ChangeMetrics {
    /** From a change announced to its recheck judged: tens of milliseconds on a LAN, seconds when queued. */
    static final double[] CHANGE_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private final Counter notifyReceived = Counter.build(MetricNames.NOTIFY_RECEIVED,
            "DNS messages received by the NOTIFY listener, by zone (watched zones only) and result.")
            .labelNames(ZONE, RESULT).create();
    private final Counter rechecks = Counter.build(MetricNames.ZONE_RECHECKS,
            "Zone rechecks, by what triggered them.").labelNames(TRIGGER).create();
    private final Counter dropped = Counter.build(MetricNames.RECHECKS_DROPPED,
            "Triggered rechecks not queued because the recheck queue was full.").labelNames(TRIGGER).create();
    private final Histogram changeToRecheck = Histogram.build(MetricNames.CHANGE_TO_RECHECK,
            "From the first sight of a new SOA serial (or a NOTIFY) to the end of the recheck that covered it.")
            .buckets(CHANGE_BUCKETS).create();

    List<Collector> collectors() {
        return List.of(notifyReceived, rechecks, dropped, changeToRecheck);
    }

    /**
     * Starts the recheck and dropped counters of each trigger at 0, so the first triggered recheck
     * (or the first drop) is an increase alerts and dashboards can see.
     */
    public void triggers(List<String> triggers) {
        triggers.forEach(trigger -> {
            rechecks.labels(trigger);
            dropped.labels(trigger);
        });
    }

    /**
     * The listener is on: starts its counters of these results for zone {@code other} at 0 (the
     * refusals; an accepted NOTIFY's zone is known only when it arrives).
     */
    public void listening(String otherZone, List<String> results) {
        results.forEach(result -> notifyReceived.labels(LabelValues.name(otherZone), result));
    }

    public void notifyReceived(String zone, String result) {
        notifyReceived.labels(LabelValues.name(zone), result).inc();
    }

    public void recheck(String trigger) {
        rechecks.labels(trigger).inc();
    }

    /** Rechecks of a whole sweep, counted at its end. */
    public void recheck(String trigger, int zones) {
        rechecks.labels(trigger).inc(zones);
    }

    public void dropped(String trigger) {
        dropped.labels(trigger).inc();
    }

    public void changeToRecheck(Duration took) {
        changeToRecheck.observe(took.toNanos() / 1e9);
    }
}
