package dev.dkimagent.agent.sweep;

import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.alert.AlertStatus;
import dev.dkimagent.agent.alert.Lifecycle;
import dev.dkimagent.agent.alert.LifecycleResult;
import dev.dkimagent.agent.alert.SesHistory;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.metrics.FiringFinding;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.rules.Judgement;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.model.Snapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sweep of the daemon, in steps: probe DNS for what the inventory expects, attach SES's view
 * and its history, judge, move the alert lifecycle, commit state and outbox in one transaction,
 * publish metrics. An interrupted sweep commits nothing.
 */
public final class SweepPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(SweepPipeline.class);
    /** Delivered messages are kept this long (to look back at what was sent), then forgotten. */
    static final Duration DELIVERED_RETENTION = Duration.ofDays(30);

    private final DnsSweep dns;
    private final Inventory inventory;
    private final RuleEngine engine;
    private final Store store;
    private final AlertStateStore states;
    private final Lifecycle lifecycle;
    private final AgentMetrics metrics;
    private final Set<String> sesSources;
    private final Clock clock;
    private long rememberedGeneration = -1;
    private volatile boolean firstSweepDone;

    public SweepPipeline(DnsSweep dns, Inventory inventory, RuleEngine engine, Store store, Lifecycle lifecycle,
                         AgentMetrics metrics, Set<String> sesSources, Clock clock) {
        this.dns = dns;
        this.inventory = inventory;
        this.engine = engine;
        this.store = store;
        this.states = new AlertStateStore(store);
        this.lifecycle = lifecycle;
        this.metrics = metrics;
        this.sesSources = Set.copyOf(sesSources);
        this.clock = clock;
    }

    public boolean firstSweepDone() {
        return firstSweepDone;
    }

    /** Runs one sweep; returns false when it judged nothing (no resolver answered, or the sweep failed). */
    public synchronized boolean runOnce() throws InterruptedException {
        Instant started = clock.instant();
        boolean judged = false;
        try {
            judged = sweepAndCommit();
        } catch (RuntimeException e) {
            LOG.error("DNS sweep failed; nothing was committed and the next sweep will try again", e);
        }
        metrics.sweepFinished("dns", Duration.between(started, clock.instant()), clock.instant(), judged);
        return judged;
    }

    private boolean sweepAndCommit() throws InterruptedException {
        List<Identity> identities = inventory.identities();
        Map<String, SesMemory> memory = states.sesMemory();
        SesView ses = inventory.sesView();
        SesView judged = new SesView(ses.states(), ses.errors(), memory);
        SweepResult result = probe(identities);
        if (result.resolversUnreachable()) {
            LOG.warn("DNS sweep saw nothing: no resolver answered; nothing judged, nothing changed");
            return false;
        }
        Snapshot snapshot = result.snapshot().withSes(judged);
        Judgement judgement = engine.judge(snapshot);
        List<Verdict> verdicts = judgement.verdicts();
        Map<String, AlertState> before = states.states();
        LifecycleResult next = lifecycle.apply(before, verdicts,
                new JudgedScope(snapshot, judgement, sesSources), SesLines.byIdentity(judged), snapshot.at());
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stopping: the sweep is abandoned before its commit");
        }
        states.commit(before, next.states(), next.notifications(), nextMemory(memory, ses, snapshot.at()));
        store.purgeDelivered(snapshot.at().minus(DELIVERED_RETENTION));
        publish(snapshot, judged, next.states());
        firstSweepDone = true;
        LOG.info("DNS sweep: {} identities, {} findings, {} notifications queued", identities.size(),
                verdicts.size(), next.notifications().size());
        return true;
    }

    /** Waits for the probes; interruptible, so a stopping agent abandons the sweep. */
    private SweepResult probe(List<Identity> identities) throws InterruptedException {
        try {
            return dns.run(identities).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the DNS probes failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The SES memory entries to write: history moves once per new SES scan, not on every DNS sweep
     * (so TOKENS_CHANGED can fire), and only entries that changed are written.
     */
    private Map<String, SesMemory> nextMemory(Map<String, SesMemory> memory, SesView ses, Instant now) {
        long generation = inventory.generation();
        if (generation == rememberedGeneration) {
            return Map.of();
        }
        rememberedGeneration = generation;
        Map<String, SesMemory> changed = new java.util.TreeMap<>(SesHistory.next(memory, ses, now));
        changed.entrySet().removeIf(e -> e.getValue().equals(memory.get(e.getKey())));
        return changed;
    }

    private void publish(Snapshot snapshot, SesView ses, Map<String, AlertState> states) {
        metrics.publishSnapshot(snapshot);
        metrics.publishSes(ses);
        metrics.publishFiring(states.values().stream()
                .filter(s -> s.status() == AlertStatus.FIRING)
                .map(s -> new FiringFinding(s.identity(), s.line().rule(), s.line().tag(), s.line().severity().label()))
                .toList());
    }
}
