package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.probe.ZoneIndex;
import dev.dkimagent.agent.probe.ZoneLocator;
import dev.dkimagent.agent.probe.ZoneWork;
import dev.dkimagent.rules.model.Identity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sweep of every zone: locate each identity's zone, run every zone through the
 * {@link ZonePipeline} with at most {@code zonesInFlight} at once (each commits as it finishes),
 * then the SES-wide findings. One zone's failure loses nothing of the others. An interrupted
 * sweep stops its zones: those already committed stay, the others commit nothing.
 *
 * <p>In cluster mode a sweep is split into parts ({@link #runPart}: one shard's zones), run by
 * whichever nodes take them, several at once on one node. The zones in flight stay bounded per
 * node (one shared count), and the located zones may be reused by the parts that follow within
 * {@code reuseLocated} (every part needs all apexes to know its own zones).
 */
public final class Sweep {
    private static final Logger LOG = LoggerFactory.getLogger(Sweep.class);
    /** How long a stopping sweep waits for its zones to notice (a commit under way finishes). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final ZoneLocator locator;
    private final ZonePipeline pipeline;
    private final Supplier<List<Identity>> inventory;
    private final int zonesInFlight;
    private final Clock clock;
    private final Semaphore zoneSlots;
    private final Duration reuseLocated;
    private final Object locating = new Object();
    /** The last index located, its inventory and when (reused by parts within reuseLocated). */
    private Located last;

    private record Located(List<Identity> identities, ZoneIndex index, Instant at) {
    }

    /** @param zonesInFlight zones probed and judged at once (>= 1): bounds the memory a sweep holds */
    public Sweep(ZoneLocator locator, ZonePipeline pipeline, Supplier<List<Identity>> inventory, int zonesInFlight,
                 Clock clock) {
        this(locator, pipeline, inventory, zonesInFlight, clock, Duration.ZERO);
    }

    /**
     * As above; {@code reuseLocated} is how long a part may reuse the zones an earlier part
     * located for the same inventory (zero: every run locates).
     */
    public Sweep(ZoneLocator locator, ZonePipeline pipeline, Supplier<List<Identity>> inventory, int zonesInFlight,
                 Clock clock, Duration reuseLocated) {
        if (zonesInFlight < 1) {
            throw new IllegalArgumentException("zonesInFlight must be >= 1, got " + zonesInFlight);
        }
        this.locator = locator;
        this.pipeline = pipeline;
        this.inventory = inventory;
        this.zonesInFlight = zonesInFlight;
        this.clock = clock;
        this.zoneSlots = new Semaphore(zonesInFlight);
        this.reuseLocated = reuseLocated;
    }

    /** Runs one sweep of every zone; the report says whether it judged anything and which zones failed. */
    public synchronized SweepReport runOnce() throws InterruptedException {
        return run(zone -> true, true);
    }

    /**
     * Runs one part of a sweep: the zones (keys as located: apexes, or the domain standing in for
     * a zone not found) that {@code owns} accepts, and the SES-wide findings when it accepts
     * {@link ZoneJudge#SES_SCOPE}. Each zone is judged and committed as in a whole sweep; the
     * report names this part's zones only. Parts may run at once.
     */
    public SweepReport runPart(Predicate<String> owns) throws InterruptedException {
        return run(owns, false);
    }

    private SweepReport run(Predicate<String> owns, boolean whole) throws InterruptedException {
        Instant started = clock.instant();
        List<Identity> identities = inventory.get();
        ZoneIndex index = whole ? locate(identities) : located(identities, started);
        if (index == null || index.resolversUnreachable()) {
            List<String> failed = index == null ? List.of(SweepReport.LOCATING) : List.of();
            return end(new SweepReport(started, took(started), identities.size(), false, Set.of(), failed, whole));
        }
        pipeline.useIndex(index);
        List<ZoneWork> mine = index.zones().values().stream().filter(z -> owns.test(z.apex())).toList();
        List<String> failed = runZones(mine);
        Set<String> keys = new LinkedHashSet<>();
        mine.forEach(z -> keys.add(z.apex()));
        if (owns.test(ZoneJudge.SES_SCOPE)) {
            keys.add(ZoneJudge.SES_SCOPE);
            if (pipeline.runSesWide(claimed(index)) == ZoneOutcome.FAILED) {
                failed.add(ZoneJudge.SES_SCOPE);
            }
        }
        return end(new SweepReport(started, took(started), identities.size(), true, keys, failed, whole));
    }

    /** The index an earlier part located for this inventory, while young enough; else located now. */
    private ZoneIndex located(List<Identity> identities, Instant now) throws InterruptedException {
        synchronized (locating) {
            Located reuse = last;
            if (reuse != null && reuse.identities().equals(identities)
                    && Duration.between(reuse.at(), now).compareTo(reuseLocated) < 0) {
                return reuse.index();
            }
            ZoneIndex index = locate(identities);
            last = index == null || index.resolversUnreachable() ? null : new Located(identities, index, now);
            return index;
        }
    }

    /** Step 1, the apexes; null when locating failed (logged). */
    private ZoneIndex locate(List<Identity> identities) throws InterruptedException {
        try {
            return locator.locate(identities).get();
        } catch (ExecutionException e) {
            LOG.error("DNS sweep: finding the zones failed; nothing judged, nothing changed", e.getCause());
        } catch (RuntimeException e) {
            LOG.error("DNS sweep: finding the zones failed; nothing judged, nothing changed", e);
        }
        return null;
    }

    /**
     * The zones through the pipeline, zonesInFlight at a time on this node (parts running at once
     * share the count); returns the keys of those that failed.
     */
    private List<String> runZones(List<ZoneWork> zones) throws InterruptedException {
        int threads = Math.min(zonesInFlight, Math.max(1, zones.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, zoneThreads());
        try {
            Map<String, Future<ZoneOutcome>> runs = new LinkedHashMap<>();
            for (ZoneWork work : zones) {
                runs.put(work.apex(), pool.submit(() -> runInSlot(work)));
            }
            List<String> failed = new ArrayList<>();
            for (Map.Entry<String, Future<ZoneOutcome>> run : runs.entrySet()) {
                if (outcome(run.getValue()) != ZoneOutcome.JUDGED) {
                    failed.add(run.getKey());
                }
            }
            return failed;
        } finally {
            stop(pool);
        }
    }

    private ZoneOutcome runInSlot(ZoneWork work) throws InterruptedException {
        zoneSlots.acquire();
        try {
            return pipeline.run(work);
        } finally {
            zoneSlots.release();
        }
    }

    private static ZoneOutcome outcome(Future<ZoneOutcome> run) throws InterruptedException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            // only an interrupt escapes a zone's run, and only this sweep's own stop interrupts it
            return ZoneOutcome.FAILED;
        }
    }

    /** Interrupts the zones still running (they commit nothing) and waits a moment for them to finish. */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("DNS sweep: some zones are still stopping");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Every name a zone's findings group under: SES states of these belong to their zone, not the SES-wide scope. */
    private static Set<String> claimed(ZoneIndex index) {
        Set<String> claimed = new HashSet<>();
        index.zones().values().forEach(z -> claimed.addAll(z.groups()));
        return claimed;
    }

    private SweepReport end(SweepReport report) {
        pipeline.sweepEnded(report);
        return report;
    }

    private Duration took(Instant started) {
        return Duration.between(started, clock.instant());
    }

    private static ThreadFactory zoneThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "dkim-zone-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
