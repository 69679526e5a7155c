package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.probe.ZoneIndex;
import dev.dkimagent.agent.probe.ZoneWork;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One zone at a time: probe -> judge -> the sink (for the daemon: lifecycle of that zone's
 * identities, one commit, publish its series). {@link #recheck} is the entry point for anything
 * that wants one zone looked at now (the schedule's sweep, a NOTIFY, a moved SOA serial). A run
 * holds its zone's lock: a sweep and a recheck of the same zone never run at once, different
 * zones run in parallel. A zone that fails is logged with the zone and changes nothing.
 */
public final class ZonePipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ZonePipeline.class);

    private final ZoneJudge judge;
    private final ZoneSink sink;
    private final Clock clock;
    private final ZoneLocks locks;
    private volatile ZoneIndex index = ZoneIndex.empty();
    private final Map<String, List<String>> addresses = new ConcurrentHashMap<>();

    public ZonePipeline(ZoneJudge judge, ZoneSink sink, Clock clock) {
        this(judge, sink, clock, ZoneExclusion.LOCAL);
    }

    /** As above; {@code others} keeps other agents off a zone while this one runs it (cluster mode). */
    public ZonePipeline(ZoneJudge judge, ZoneSink sink, Clock clock, ZoneExclusion others) {
        this.judge = judge;
        this.sink = sink;
        this.clock = clock;
        this.locks = new ZoneLocks(others);
    }

    /**
     * Probes, judges and hands over one zone of the inventory the last sweep located, now, on the
     * calling thread; waits first while another run of the same zone is in progress.
     *
     * @param zone the zone apex, as the last sweep located it (or a domain whose zone was not found)
     * @return JUDGED (committed and published, for the daemon), FAILED (logged, nothing changed), or
     *         UNKNOWN (not a zone of the last sweep's inventory: nothing done)
     * @throws InterruptedException when the thread is interrupted: the zone commits nothing
     */
    public ZoneOutcome recheck(String zone) throws InterruptedException {
        Optional<ZoneWork> work = index.zone(zone);
        if (work.isEmpty()) {
            LOG.debug("recheck of {}: not a zone of the inventory; nothing done", zone);
            return ZoneOutcome.UNKNOWN;
        }
        return run(work.get());
    }

    /** True when {@code zone} is a zone of the inventory the last sweep located. */
    public boolean watches(String zone) {
        return index.zone(zone).isPresent();
    }

    /** The zones of the inventory the last sweep located, apexes in first-seen order. */
    public Set<String> zones() {
        return index.zones().keySet();
    }

    /** Each zone of the inventory with the nameserver addresses its last run asked (for the SOA watch). */
    public Map<String, List<String>> addresses() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String zone : zones()) {
            List<String> a = addresses.get(zone);
            if (a != null) {
                out.put(zone, a);
            }
        }
        return out;
    }

    void useIndex(ZoneIndex next) {
        index = next;
        addresses.keySet().retainAll(next.zones().keySet());
    }

    ZoneOutcome run(ZoneWork work) throws InterruptedException {
        try {
            return locks.withLock(work.apex(), () -> judgeAndHandOver(work));
        } catch (RuntimeException e) {
            // judgeAndHandOver catches its own failures: this is the cluster-wide zone lock
            LOG.error("zone {}: cannot hold it against the other agents; nothing of it was committed and the next"
                    + " sweep tries again: {}", work.apex(), e.getMessage());
            return ZoneOutcome.FAILED;
        }
    }

    ZoneOutcome runSesWide(Set<String> claimed) throws InterruptedException {
        try {
            return locks.withLock(ZoneJudge.SES_SCOPE, () -> judgeSesWide(claimed));
        } catch (RuntimeException e) {
            LOG.error("SES-wide findings: cannot hold them against the other agents; their alerts are unchanged and"
                    + " the next sweep tries again: {}", e.getMessage());
            return ZoneOutcome.FAILED;
        }
    }

    private ZoneOutcome judgeSesWide(Set<String> claimed) throws InterruptedException {
        try {
            sink.accept(judge.judgeSesWide(claimed, clock.instant()));
            return ZoneOutcome.JUDGED;
        } catch (RuntimeException e) {
            LOG.error("SES-wide findings (MON01, SES identities without a zone): judging or committing failed;"
                    + " their alerts are unchanged and the next sweep tries again", e);
            return ZoneOutcome.FAILED;
        }
    }

    void sweepEnded(SweepReport report) {
        sink.sweepEnded(report);
    }

    /** Zones with a run in progress or waiting for one. */
    int zonesInFlight() {
        return locks.inFlight();
    }

    private ZoneOutcome judgeAndHandOver(ZoneWork work) throws InterruptedException {
        try {
            JudgedZone judged = judge.judge(work, clock.instant());
            remember(work.apex(), judged);
            sink.accept(judged);
            return ZoneOutcome.JUDGED;
        } catch (TimeoutException e) {
            LOG.warn("zone {}: the probes did not finish in time; nothing of it was committed and the next sweep"
                    + " tries again", work.apex());
        } catch (ExecutionException e) {
            LOG.error("zone {}: the probes failed; nothing of it was committed and the next sweep tries again",
                    work.apex(), e.getCause());
        } catch (RuntimeException e) {
            LOG.error("zone {}: judging or committing failed; nothing of it was committed and the next sweep"
                    + " tries again", work.apex(), e);
        }
        return ZoneOutcome.FAILED;
    }

    private void remember(String apex, JudgedZone judged) {
        ZoneView view = judged.snapshot().zones().get(apex);
        if (view != null && view.discovered()) {
            addresses.put(apex, view.servers().stream().map(Nameserver::address).distinct().toList());
        }
    }
}
