package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.SesLine;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One SES view split for per-zone judging, built once per view: a zone is judged with the SES
 * states of its own identities (and its apex), the SES-wide scope with the account and region
 * errors (MON01) and the states no zone holds.
 */
final class SesIndex {
    private final SesView view;
    private final Map<String, List<SesIdentityState>> byIdentity = new HashMap<>();
    private final Map<String, List<SesLine>> lines;

    private SesIndex(SesView view) {
        this.view = view;
        view.states().forEach(s -> byIdentity.computeIfAbsent(s.identity(), k -> new ArrayList<>()).add(s));
        this.lines = SesLines.byIdentity(view);
    }

    static SesIndex of(SesView view) {
        return new SesIndex(view);
    }

    SesView view() {
        return view;
    }

    /** The states of these identities, with their memory; no errors (those are the SES-wide scope's). */
    SesView forGroups(Collection<String> groups) {
        List<SesIdentityState> states = new ArrayList<>();
        groups.forEach(g -> states.addAll(byIdentity.getOrDefault(g, List.of())));
        return withMemory(states, List.of());
    }

    /** The states of identities no zone claims, and every account and region error. */
    SesView unclaimed(Set<String> claimed) {
        List<SesIdentityState> states = view.states().stream().filter(s -> !claimed.contains(s.identity())).toList();
        return withMemory(states, view.errors());
    }

    /** SES status lines per identity, for alert headers. */
    Map<String, List<SesLine>> lines() {
        return lines;
    }

    private SesView withMemory(List<SesIdentityState> states, List<dev.dkimagent.rules.model.SesApiError> errors) {
        Map<String, SesMemory> memory = new HashMap<>();
        for (SesIdentityState s : states) {
            SesMemory m = view.memory().get(SesView.memoryKey(s));
            if (m != null) {
                memory.put(SesView.memoryKey(s), m);
            }
        }
        return new SesView(states, errors, memory);
    }
}
