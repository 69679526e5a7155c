package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.alert.Lifecycle;
import dev.dkimagent.agent.alert.LifecycleResult;
import dev.dkimagent.agent.canary.CanaryProbe;
import dev.dkimagent.agent.canary.CanaryTarget;
import dev.dkimagent.agent.metrics.CanaryGauges;
import dev.dkimagent.rules.Judgement;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.catalogue.dkim.Dkim06CanarySigned;
import dev.dkimagent.rules.catalogue.ses.Mon02CanaryRuns;
import dev.dkimagent.rules.model.CanaryRound;
import dev.dkimagent.rules.model.CanaryView;
import dev.dkimagent.rules.model.Snapshot;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One canary pass: per identity, a round (send, wait, verify), judged by the rules (DKIM06,
 * MON02), moved through the alert lifecycle of that identity's canary findings only, committed
 * with its notifications, and published. One identity's failure never stops another's round.
 */
public final class CanaryRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(CanaryRefresh.class);

    private final List<CanaryTarget> targets;
    private final CanaryProbe probe;
    private final RuleEngine engine;
    private final Lifecycle lifecycle;
    private final AlertStateStore states;
    private final CanaryGauges gauges;
    private final Clock clock;

    public CanaryRefresh(List<CanaryTarget> targets, CanaryProbe probe, RuleEngine engine, Lifecycle lifecycle,
                         AlertStateStore states, CanaryGauges gauges, Clock clock) {
        this.targets = List.copyOf(targets);
        this.probe = probe;
        this.engine = engine;
        this.lifecycle = lifecycle;
        this.states = states;
        this.gauges = gauges;
        this.clock = clock;
    }

    public void runOnce() throws InterruptedException {
        for (CanaryTarget target : targets) {
            try {
                commit(probe.run(target.identity(), target.from(), target.to()));
            } catch (RuntimeException e) {
                LOG.warn("canary round of {} failed unexpectedly; the next interval tries again: {}", target.identity(),
                        e.toString());
            }
        }
    }

    /** Judges one round and commits what changed for its identity's canary findings. */
    public LifecycleResult commit(CanaryRound round) {
        Judgement judgement = engine.judge(Snapshot.ofCanary(clock.instant(), new CanaryView(List.of(round))));
        Map<String, AlertState> before = states.states(Set.of(round.identity()));
        LifecycleResult next = lifecycle.apply(before, judgement.verdicts(), canaryFindingsOf(round, judgement),
                Map.of(), clock.instant());
        if (!next.states().equals(before) || !next.notifications().isEmpty()) {
            states.commit(before, next.states(), next.notifications(), Map.of());
        }
        if (round.delivery() == CanaryRound.Delivery.DELIVERED) {
            gauges.delivered(round.identity(), round.roundTrip(), judgement.verdicts().isEmpty(), clock.instant());
        }
        LOG.info("canary {}: {}, {} finding(s)", round.identity(), round.delivery(), judgement.verdicts().size());
        return next;
    }

    /**
     * Which earlier findings this round could have seen again: only this identity's canary
     * findings (its DNS findings keep their state); of those, a round that failed saw only MON02's,
     * a round whose message never came saw no signature, so it resolves no DKIM06 finding but its own.
     */
    static Predicate<AlertState> canaryFindingsOf(CanaryRound round, Judgement judgement) {
        return state -> state.identity().equals(round.identity())
                && judgement.couldSee(state.line().rule(), state.line().tag(), state.identity(), state.line().zone(),
                state.line().selector(), state.line().address())
                && seenBy(round, state.line().rule(), state.line().tag());
    }

    private static boolean seenBy(CanaryRound round, String rule, String tag) {
        if (rule.equals(Mon02CanaryRuns.ID)) {
            return true;
        }
        if (!rule.equals(Dkim06CanarySigned.ID)) {
            return false;
        }
        return switch (round.delivery()) {
            case DELIVERED -> true;
            case NOT_DELIVERED -> tag.equals(Dkim06CanarySigned.CANARY_NOT_DELIVERED.name());
            case FAILED -> false;
        };
    }

}
