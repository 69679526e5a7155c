package dev.dkimagent.agent.pipeline;

import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Snapshot;
import java.util.List;

/** A one-shot check: every zone's observations in one snapshot, and every verdict, worst first. */
public record CheckResult(Snapshot snapshot, List<Verdict> verdicts) {

    public CheckResult {
        verdicts = List.copyOf(verdicts);
    }
}
