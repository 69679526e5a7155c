package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.Lifecycle;
import dev.dkimagent.rules.Judgement;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Snapshot;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which earlier findings this sweep could have seen again: those of an identity (or zone, or SES
 * source) it looked at, whose cell the rules judged ({@link Judgement#couldSee}). A finding about a
 * server that did not answer now, or about a zone that could not be discovered, keeps its state
 * instead of being "resolved" by blindness.
 */
final class JudgedScope implements Predicate<AlertState> {
    private final Judgement judgement;
    private final Set<String> groups = new HashSet<>();

    JudgedScope(Snapshot snapshot, Judgement judgement, Set<String> sesSources) {
        this.judgement = judgement;
        groups.addAll(sesSources);
        snapshot.identities().forEach(i -> groups.add(i.name()));
        snapshot.ses().states().forEach(s -> groups.add(s.identity()));
        snapshot.zones().keySet().forEach(groups::add);
        for (Verdict v : judgement.verdicts()) {
            groups.add(Lifecycle.groupIdentity(v.finding()));
        }
    }

    @Override
    public boolean test(AlertState state) {
        if (!groups.contains(state.identity())) {
            return false;
        }
        AlertLine line = state.line();
        return judgement.couldSee(line.rule(), line.tag(), state.identity(), line.zone(), line.selector(),
                line.address());
    }
}
