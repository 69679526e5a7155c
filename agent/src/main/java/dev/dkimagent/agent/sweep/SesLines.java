package dev.dkimagent.agent.sweep;

import dev.dkimagent.agent.alert.SesLine;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesView;
import java.time.Instant;
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
            lines.computeIfAbsent(state.identity(), k -> new java.util.ArrayList<>())
                    .add(new SesLine(state.account(), state.region(), state.status().name(), deadline(state, view)));
        }
        return lines;
    }

    private static Instant deadline(SesIdentityState state, SesView view) {
        if (!state.status().failing()) {
            return null;
        }
        return state.revocationDeadline(view.memory().get(SesView.memoryKey(state))).orElse(null);
    }
}
