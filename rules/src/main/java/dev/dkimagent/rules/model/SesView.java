package dev.dkimagent.rules.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Everything the SES side observed in one sweep.
 *
 * @param states  per identity x account x region
 * @param errors  account x region pairs that could not be read
 * @param memory  per {@code <source>|<identity>} (see {@link #memoryKey}), what earlier sweeps saw
 */
public record SesView(List<SesIdentityState> states, List<SesApiError> errors, Map<String, SesMemory> memory) {

    public SesView {
        states = List.copyOf(states);
        errors = List.copyOf(errors);
        memory = Map.copyOf(memory);
    }

    public static SesView empty() {
        return new SesView(List.of(), List.of(), Map.of());
    }

    /**
     * While the state is failing: when SES will likely revoke signing (the last known success,
     * SES's or remembered, plus 72 hours). Alerts and metrics both show this one figure.
     */
    public Optional<Instant> revocationDeadline(SesIdentityState state) {
        if (state.status() == null || !state.status().failing()) {
            return Optional.empty();
        }
        return state.revocationDeadline(memory.get(memoryKey(state)));
    }

    public static String memoryKey(SesIdentityState state) {
        return state.source() + "|" + state.identity();
    }
}
