package dev.dkimagent.rules.model;

import java.util.List;
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

    public static String memoryKey(SesIdentityState state) {
        return state.source() + "|" + state.identity();
    }
}
