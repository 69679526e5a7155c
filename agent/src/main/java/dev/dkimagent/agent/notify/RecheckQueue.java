package dev.dkimagent.agent.notify;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns triggers (NOTIFY, SOA watch, confirmation) into zone rechecks:
 * <ul>
 * <li>a zone has at most one recheck waiting: further triggers while it waits join it (a burst of
 *     NOTIFYs gives one recheck);</li>
 * <li>a NOTIFY whose serial was already rechecked, or is being rechecked, is a repeat and does
 *     nothing (primaries resend, several servers notify); in a cluster, so is a serial another node
 *     claimed first ({@link SerialClaims});</li>
 * <li>a zone's rechecks start at least {@code minGap} apart: a trigger soon after a recheck waits
 *     for the gap (it is not dropped: the change it announces is looked at);</li>
 * <li>at most {@code capacity} zones wait at once; beyond that a trigger is dropped and counted
 *     (the next sweep or SOA round still sees the change);</li>
 * <li>after a triggered recheck that left findings pending (seen, not yet firing), one more recheck
 *     runs {@code confirmAfter} later, at most {@code maxConfirms} in a row, so a real break fires
 *     in seconds and a one-off glitch still does not;</li>
 * <li>after a triggered recheck that found servers catching up with a new serial, one more runs
 *     when their propagation grace ends, so a server that stays behind is judged then.</li>
 * </ul>
 */
public final class RecheckQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecheckQueue.class);
    /** A grace recheck runs this long after the grace ends, so the server is surely past it. */
    private static final Duration GRACE_MARGIN = Duration.ofMillis(500);

    /** Rechecks one zone now; true when the zone was judged. */
    public interface Rechecker {
        boolean recheck(String zone) throws InterruptedException;
    }

    /** What became of a request. */
    public enum Queued { SCHEDULED, JOINED, REPEAT, DROPPED }

    private static final class Zone {
        ScheduledFuture<?> waiting;
        Trigger trigger;
        long lastStart = Long.MIN_VALUE;
        OptionalLong newestSerial = OptionalLong.empty();
        long rechecking = Long.MIN_VALUE;    // serial of the recheck under way or done last, if it had one
        long firstSight = Long.MIN_VALUE;    // when the change waiting for a recheck was first seen
        int confirms;
    }

    private final Rechecker rechecker;
    private final Predicate<String> pendingFindings;
    private final Function<String, Optional<Duration>> graceLeft;
    private final long minGap;
    private final long confirmAfter;
    private final int maxConfirms;
    private final int capacity;
    private final LongSupplier nanos;
    private final NotifyEvents events;
    private final ScheduledThreadPoolExecutor executor;
    private final Map<String, Zone> zones = new HashMap<>();
    private int waiting;
    private volatile SerialClaims serials = SerialClaims.LOCAL;

    /**
     * @param pendingFindings true when the zone has findings seen but not yet firing
     * @param maxConfirms     confirmation rechecks in a row (firing-after - 1)
     * @param threads         rechecks of different zones run at once
     */
    public RecheckQueue(Rechecker rechecker, Predicate<String> pendingFindings, Duration minGap, Duration confirmAfter,
                        int maxConfirms, int capacity, int threads, LongSupplier nanos, NotifyEvents events) {
        this(rechecker, pendingFindings, zone -> Optional.empty(), minGap, confirmAfter, maxConfirms, capacity, threads,
                nanos, events);
    }

    /** @param graceLeft how long until the zone's servers catching up are judged (empty: none is catching up) */
    public RecheckQueue(Rechecker rechecker, Predicate<String> pendingFindings,
                        Function<String, Optional<Duration>> graceLeft, Duration minGap, Duration confirmAfter,
                        int maxConfirms, int capacity, int threads, LongSupplier nanos, NotifyEvents events) {
        this.graceLeft = graceLeft;
        this.rechecker = rechecker;
        this.pendingFindings = pendingFindings;
        this.minGap = minGap.toNanos();
        this.confirmAfter = confirmAfter.toNanos();
        this.maxConfirms = maxConfirms;
        this.capacity = capacity;
        this.nanos = nanos;
        this.events = events;
        this.executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "dkim-recheck");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Shares NOTIFY serials with the other nodes of a cluster: only the first to claim one rechecks it. */
    public void shareSerials(SerialClaims claims) {
        this.serials = claims;
    }

    /** Asks for a recheck of {@code zone}; {@code serial} is the new serial the trigger saw, if any. */
    public synchronized Queued request(String zone, Trigger trigger, OptionalLong serial) {
        Zone z = zones.computeIfAbsent(zone, k -> new Zone());
        long now = nanos.getAsLong();
        if (trigger == Trigger.NOTIFY && serial.isPresent() && serial.getAsLong() == z.rechecking) {
            return Queued.REPEAT;
        }
        if (trigger != Trigger.CONFIRM) {
            z.confirms = 0;
            if (z.firstSight == Long.MIN_VALUE && isNew(z, serial)) {
                z.firstSight = now;
            }
            serial.ifPresent(s -> z.newestSerial = OptionalLong.of(s));
        }
        if (z.waiting != null) {
            return Queued.JOINED;
        }
        if (waiting >= capacity) {
            events.dropped(trigger);
            LOG.warn("recheck queue full ({} zones waiting): {} trigger for {} dropped; the next sweep looks at it",
                    capacity, trigger.label(), zone);
            return Queued.DROPPED;
        }
        long delay = trigger == Trigger.CONFIRM ? confirmAfter : 0;
        if (trigger == Trigger.GRACE) {
            delay = graceLeft.apply(zone).map(d -> d.plus(GRACE_MARGIN).toNanos()).orElse(0L);
        }
        if (z.lastStart != Long.MIN_VALUE) {
            delay = Math.max(delay, z.lastStart + minGap - now);
        }
        z.trigger = trigger;
        z.waiting = executor.schedule(() -> run(zone), Math.max(0, delay), TimeUnit.NANOSECONDS);
        waiting++;
        return Queued.SCHEDULED;
    }

    private static boolean isNew(Zone z, OptionalLong serial) {
        return serial.isEmpty() || z.newestSerial.isEmpty() || serial.getAsLong() != z.newestSerial.getAsLong();
    }

    private void run(String zone) {
        Trigger trigger;
        long sight;
        long serial;
        synchronized (this) {
            Zone z = zones.get(zone);
            z.waiting = null;
            waiting--;
            z.lastStart = nanos.getAsLong();
            z.rechecking = z.newestSerial.orElse(Long.MIN_VALUE);
            serial = z.rechecking;
            trigger = z.trigger;
            sight = z.firstSight;
            z.firstSight = Long.MIN_VALUE;
        }
        try {
            if (trigger == Trigger.NOTIFY && serial != Long.MIN_VALUE && !serials.claim(zone, serial)) {
                LOG.info("NOTIFY of {} serial {}: another node of the cluster rechecks it", zone, serial);
                return;
            }
            boolean judged = rechecker.recheck(zone);
            events.recheck(trigger);
            if (sight != Long.MIN_VALUE && judged) {
                events.newSerialToRecheck(Duration.ofNanos(nanos.getAsLong() - sight));
            }
            if (judged && pendingFindings.test(zone)) {
                confirm(zone);
            } else if (judged && trigger != Trigger.GRACE && graceLeft.apply(zone).isPresent()) {
                request(zone, Trigger.GRACE, OptionalLong.empty());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("recheck of {} ({}) failed; the next sweep looks at it", zone, trigger.label(), e);
        }
    }

    private synchronized void confirm(String zone) {
        Zone z = zones.get(zone);
        if (z.confirms < maxConfirms) {
            z.confirms++;
            request(zone, Trigger.CONFIRM, OptionalLong.empty());
        }
    }

    /** Zones with a recheck waiting (for tests and the queue bound). */
    public synchronized int waiting() {
        return waiting;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
