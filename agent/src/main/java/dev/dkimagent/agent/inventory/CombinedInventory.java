package dev.dkimagent.agent.inventory;

import dev.dkimagent.agent.inventory.ses.SesScan;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.SesApiError;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * What to expect right now: the identities from the configuration combined with the latest SES
 * scan. An account and region that could not be read keep what the previous scan saw of them, so
 * a blind monitor neither drops records from the check nor "resolves" SES findings it can no
 * longer see (MON01 says it is blind). SES's view is judged with the memory earlier scans left,
 * which the caller passes with each scan. A scan stored by another node enters through
 * {@link #adopt}.
 */
public final class CombinedInventory {
    private final List<Identity> configured;
    private final AtomicReference<Latest> latest = new AtomicReference<>();

    /** The scan with blind pairs carried over, and its view as the rules judge it (with memory). */
    private record Latest(SesScan scan, SesView judged) {
    }

    public CombinedInventory(List<Identity> configured) {
        this.configured = List.copyOf(configured);
    }

    /** Takes a new SES scan without memory (a one-shot check). */
    public void update(SesScan scan) {
        update(scan, Map.of());
    }

    /**
     * Takes a new SES scan, carrying over the previous states of the pairs that failed now.
     *
     * @param memory what the scans before this one remembered ({@code SesView.memory}); judging
     *               against it is what lets SES04 see changed tokens
     */
    public void update(SesScan scan, Map<String, SesMemory> memory) {
        latest.updateAndGet(previous -> {
            SesScan merged = previous == null ? scan : carryOver(previous.scan(), scan);
            SesView view = merged.view();
            return new Latest(merged, new SesView(view.states(), view.errors(), memory));
        });
    }

    /**
     * Takes a view an SES scan left in the shared state (another node's, or this agent's before a
     * restart) as it was judged there: the SES identities with their records, blind pairs already
     * carried over, and the view with the memory it was judged against. The next scan carries
     * blind pairs over from it.
     */
    public void adopt(List<Identity> sesIdentities, SesView judged) {
        SesScan scan = new SesScan(sesIdentities, new SesView(judged.states(), judged.errors(), Map.of()));
        latest.set(new Latest(scan, judged));
    }

    /** The identities the latest SES scan named (blind pairs' carried over), without the configured ones. */
    public List<Identity> sesIdentities() {
        Latest now = latest.get();
        return now == null ? List.of() : now.scan().identities();
    }

    public boolean sesScanned() {
        return latest.get() != null;
    }

    public List<Identity> identities() {
        Latest now = latest.get();
        return now == null ? configured : Identities.merge(configured, now.scan().identities());
    }

    /** SES's view with the memory given with the scan; the same object until the next scan. */
    public SesView sesView() {
        Latest now = latest.get();
        return now == null ? SesView.empty() : now.judged();
    }

    private static SesScan carryOver(SesScan previous, SesScan now) {
        Set<String> blind = now.view().errors().stream().map(CombinedInventory::pair).collect(Collectors.toSet());
        if (blind.isEmpty()) {
            return now;
        }
        Set<String> seenNow = now.view().states().stream().map(CombinedInventory::key).collect(Collectors.toSet());
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
