package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.probe.ZoneWork;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.model.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Probes one zone and judges it with the SES states of its own identities; judges the SES-wide
 * scope (MON01, SES identities no zone holds) once per sweep. Waits for the probes within the
 * zone's {@link ZoneTimeout}, interruptibly.
 */
public final class ZoneJudge {
    /** The key of the SES-wide scope: not a DNS name, so no zone can take it. */
    public static final String SES_SCOPE = "ses:*";

    private final ZoneProbing probing;
    private final RuleEngine engine;
    private final Supplier<SesView> ses;
    private final Set<String> sesSources;
    private final ZoneTimeout timeout;
    private final AtomicReference<SesIndex> index = new AtomicReference<>();
    private final Propagation propagation;

    /**
     * @param ses        SES's view as judged now (a new object per SES scan)
     * @param sesSources every {@code ses:<account>/<region>} read: the SES-wide scope owns their findings
     */
    public ZoneJudge(ZoneProbing probing, RuleEngine engine, Supplier<SesView> ses, Set<String> sesSources,
                     ZoneTimeout timeout) {
        this(probing, engine, ses, sesSources, timeout, Propagation.none());
    }

    /** @param propagation which servers are still catching up with their zone's newest serial */
    public ZoneJudge(ZoneProbing probing, RuleEngine engine, Supplier<SesView> ses, Set<String> sesSources,
                     ZoneTimeout timeout, Propagation propagation) {
        this.propagation = propagation;
        this.probing = probing;
        this.engine = engine;
        this.ses = ses;
        this.sesSources = Set.copyOf(sesSources);
        this.timeout = timeout;
    }

    JudgedZone judge(ZoneWork work, Instant at) throws InterruptedException, ExecutionException, TimeoutException {
        Snapshot dns = propagation.apply(await(probing.probe(work, at), work));
        SesIndex sesNow = sesIndex();
        Snapshot snapshot = dns.withSes(sesNow.forGroups(work.groups()));
        return new JudgedZone(work.apex(), snapshot, engine.judge(snapshot), Set.of(), sesNow.lines());
    }

    /** SES findings no zone owns: unreadable accounts and regions, states of identities without a zone. */
    JudgedZone judgeSesWide(Set<String> claimed, Instant at) {
        SesIndex sesNow = sesIndex();
        Snapshot snapshot = new Snapshot(at, List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                sesNow.unclaimed(claimed));
        return new JudgedZone(SES_SCOPE, snapshot, engine.judge(snapshot), sesSources, sesNow.lines());
    }

    private Snapshot await(CompletableFuture<Snapshot> probe, ZoneWork work)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return probe.get(timeout.of(work).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException | TimeoutException e) {
            probe.cancel(true);
            throw e;
        }
    }

    /** The SES view split once per SES scan, not once per zone. */
    private SesIndex sesIndex() {
        SesView view = ses.get();
        return index.updateAndGet(i -> i != null && i.view() == view ? i : SesIndex.of(view));
    }
}
