package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.SesLine;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SES's status per identity, as alert headers show it. */
final class SesLines {
    private SesLines() {
    }

    static Map<String, List<SesLine>> byIdentity(SesView view) {
        Map<String, List<SesLine>> lines = new TreeMap<>();
        for (SesIdentityState state : view.states()) {
            if (state.status() == null) {
                continue;
            }
            SesLine line = new SesLine(state.account(), state.region(), state.status().name(),
                    view.revocationDeadline(state).orElse(null));
            lines.computeIfAbsent(state.identity(), k -> new ArrayList<>()).add(line);
        }
        return lines;
    }
}
