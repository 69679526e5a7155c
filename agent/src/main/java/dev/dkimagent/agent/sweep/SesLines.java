package dev.dkimagent.agent.sweep;

import dev.dkimagent.agent.alert.SesLine;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SES's status per identity, as alert headers show it. */
final class SesLines {
    /** SES keeps checking a failing identity for about 72 hours, then revokes (domain-facts.md). */
    static final Duration REVOCATION_GRACE = Duration.ofHours(72);

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
        Instant lastSuccess = state.lastSuccess();
        SesMemory memory = view.memory().get(SesView.memoryKey(state));
        if (lastSuccess == null && memory != null) {
            lastSuccess = memory.lastSuccess();
        }
        return lastSuccess == null ? null : lastSuccess.plus(REVOCATION_GRACE);
    }
}
