package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.SesLine;
import dev.dkimagent.rules.Judgement;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One zone judged, or the SES-wide scope (MON01 and SES identities no zone holds).
 *
 * @param key        the zone apex, or {@link ZoneJudge#SES_SCOPE}
 * @param snapshot   what was seen, with the SES states of the zone's identities attached
 * @param judgement  what the rules said (verdicts worst first) and the zone matrices they judged
 * @param sesSources the SES sources whose findings this scope owns ({@code ses:<account>/<region>});
 *                   empty for a zone
 * @param sesLines   SES's status per identity, for alert headers (shared by every zone of one SES view)
 */
public record JudgedZone(String key, Snapshot snapshot, Judgement judgement, Set<String> sesSources,
                         Map<String, List<SesLine>> sesLines) {

    public JudgedZone {
        sesSources = Set.copyOf(sesSources);
    }

    /** What the rules said, worst first. */
    public List<Verdict> verdicts() {
        return judgement.verdicts();
    }
}
