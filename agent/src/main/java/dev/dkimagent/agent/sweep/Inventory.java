package dev.dkimagent.agent.sweep;

import dev.dkimagent.agent.inventory.ses.SesScan;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.SesApiError;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * What to expect right now: the configured identities plus the latest SES scan. An account and
 * region that could not be read keep what the previous scan saw of them, so a blind monitor
 * neither drops records from the check nor "resolves" SES findings it can no longer see
 * (MON01 says it is blind).
 */
public final class Inventory {
    private final List<Identity> configured;
    private final AtomicReference<SesScan> latest = new AtomicReference<>();
    private final AtomicLong generation = new AtomicLong();

    public Inventory(List<Identity> configured) {
        this.configured = List.copyOf(configured);
    }

    /** Takes a new SES scan, carrying over the previous states of the pairs that failed now. */
    public void update(SesScan scan) {
        latest.updateAndGet(previous -> previous == null ? scan : carryOver(previous, scan));
        generation.incrementAndGet();
    }

    /** Counts SES scans taken: a sweep remembers SES history only once per new scan. */
    public long generation() {
        return generation.get();
    }

    public boolean sesScanned() {
        return latest.get() != null;
    }

    public List<Identity> identities() {
        SesScan scan = latest.get();
        return scan == null ? configured : Identities.merge(configured, scan.identities());
    }

    public SesView sesView() {
        SesScan scan = latest.get();
        return scan == null ? SesView.empty() : scan.view();
    }

    private static SesScan carryOver(SesScan previous, SesScan now) {
        Set<String> blind = now.view().errors().stream().map(Inventory::pair).collect(Collectors.toSet());
        if (blind.isEmpty()) {
            return now;
        }
        Set<String> seenNow = now.view().states().stream().map(Inventory::key).collect(Collectors.toSet());
        List<SesIdentityState> carriedStates = previous.view().states().stream()
                .filter(s -> blind.contains(s.account() + "/" + s.region()))
                .filter(s -> !seenNow.contains(key(s)))
                .toList();
        List<SesIdentityState> states = new ArrayList<>(now.view().states());
        states.addAll(carriedStates);
        return new SesScan(Identities.merge(now.identities(), carriedRecords(previous, carriedStates)),
                new SesView(states, now.view().errors(), Map.of()));
    }

    /** Only the records the blind pairs' own tokens named: never a token another pair has rotated away. */
    private static List<Identity> carriedRecords(SesScan previous, List<SesIdentityState> carriedStates) {
        Map<String, Set<String>> tokens = new HashMap<>();
        carriedStates.forEach(s -> tokens.computeIfAbsent(s.identity(), k -> new HashSet<>()).addAll(s.tokens()));
        return previous.identities().stream()
                .filter(i -> tokens.containsKey(i.name()))
                .map(i -> new Identity(i.name(), i.source(), i.records().stream()
                        .filter(r -> tokens.get(i.name()).contains(r.selector()))
                        .toList()))
                .filter(i -> !i.records().isEmpty())
                .toList();
    }

    private static String key(SesIdentityState s) {
        return s.identity() + "|" + s.account() + "|" + s.region();
    }

    private static String pair(SesApiError e) {
        return e.account() + "/" + e.region();
    }
}
