package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.Lifecycle;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which earlier findings this sweep could have seen again. A finding about a server that did
 * not answer now (or dropped out of the NS set's addresses), or about a zone that could not be
 * discovered, was not judged: it keeps its state instead of being "resolved" by blindness.
 */
final class JudgedScope implements Predicate<AlertState> {
    private static final Set<String> BLINDING_TAGS = Set.of("NS_UNREACHABLE", "NS_NOT_AUTHORITATIVE");
    private static final String ZONE_UNRESOLVED = "ZONE_UNRESOLVED";

    private final Set<String> groups = new HashSet<>();
    private final Set<String> servedAddresses = new HashSet<>();
    private final Set<String> blindAddresses = new HashSet<>();
    private final Set<String> blindZones = new HashSet<>();

    JudgedScope(Snapshot snapshot, List<Verdict> verdicts, Set<String> sesSources) {
        groups.addAll(sesSources);
        snapshot.identities().forEach(i -> groups.add(i.name()));
        snapshot.ses().states().forEach(s -> groups.add(s.identity()));
        for (ZoneView zone : snapshot.zones().values()) {
            groups.add(zone.apex());
            zone.servers().stream().map(Nameserver::address).forEach(a -> servedAddresses.add(zone.apex() + "|" + a));
            if (!zone.discovered()) {
                blindZones.add(zone.apex());
            }
        }
        for (Verdict v : verdicts) {
            groups.add(Lifecycle.groupIdentity(v.finding()));
            Subject s = v.finding().subject();
            if (BLINDING_TAGS.contains(v.finding().tag()) && s.address() != null) {
                blindAddresses.add(s.zone() + "|" + s.address());
            }
        }
    }

    @Override
    public boolean test(AlertState state) {
        if (!groups.contains(state.identity())) {
            return false;
        }
        AlertLine line = state.line();
        if (line.zone() != null && blindZones.contains(line.zone()) && !ZONE_UNRESOLVED.equals(line.tag())) {
            return false;
        }
        if (line.address() == null || BLINDING_TAGS.contains(line.tag())) {
            return true; // server findings resolve when the server answers again
        }
        String server = line.zone() + "|" + line.address();
        return servedAddresses.contains(server) && !blindAddresses.contains(server);
    }
}
