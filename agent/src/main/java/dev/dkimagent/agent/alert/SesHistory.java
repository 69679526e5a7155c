package dev.dkimagent.agent.alert;

import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes what the store remembers of SES after a sweep. Pure. */
public final class SesHistory {

    private SesHistory() {
    }

    /**
     * The memory after this sweep, per {@link SesView#memoryKey}: last status, last time SUCCESS
     * was seen (the sweep time), last tokens. Keys this sweep did not read (an account that could
     * not be read, say) keep their previous memory; an unknown status keeps the previous one.
     */
    public static Map<String, SesMemory> next(Map<String, SesMemory> previous, SesView view, Instant now) {
        Map<String, SesMemory> next = new TreeMap<>(previous);
        for (SesIdentityState state : view.states()) {
            String key = SesView.memoryKey(state);
            next.put(key, remember(previous.get(key), state, now));
        }
        return next;
    }

    private static SesMemory remember(SesMemory prev, SesIdentityState state, Instant now) {
        DkimStatus status = state.status() != null ? state.status() : prev == null ? null : prev.lastStatus();
        Instant lastSuccess = state.status() == DkimStatus.SUCCESS ? now : prev == null ? null : prev.lastSuccess();
        List<String> tokens = state.tokens();
        return new SesMemory(status, lastSuccess, tokens);
    }
}
