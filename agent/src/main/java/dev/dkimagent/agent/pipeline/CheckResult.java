package dev.dkimagent.agent.pipeline;

import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Snapshot;
import java.util.List;
import java.util.Map;

/**
 * A one-shot check: the identities, zones and SES view in one snapshot (the answers stay judged in
 * the matrices' cells), every verdict (worst first) and every zone's matrix.
 */
public record CheckResult(Snapshot snapshot, List<Verdict> verdicts, Map<String, ZoneMatrix> matrices) {

    public CheckResult {
        verdicts = List.copyOf(verdicts);
        matrices = Map.copyOf(matrices);
    }
}
