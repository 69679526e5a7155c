package dev.dkimagent.agent.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Collects one sweep's lines per identity and turns them into one notification each. */
final class NotificationGroups {

    private static final Comparator<AlertLine> WORST_FIRST =
            Comparator.comparing(AlertLine::severity).thenComparing(AlertLine::key);

    private final Map<String, Group> groups = new TreeMap<>();

    void firing(String identity, AlertLine line) {
        group(identity).firing.add(line);
    }

    void reminder(String identity, AlertLine line) {
        group(identity).reminders.add(line);
    }

    void resolved(String identity, AlertLine line) {
        group(identity).resolved.add(line);
    }

    /** Identities whose message so far only announces resolutions. */
    Set<String> resolutionOnly() {
        Set<String> out = new TreeSet<>();
        groups.forEach((identity, g) -> {
            if (g.firing.isEmpty() && g.reminders.isEmpty() && !g.resolved.isEmpty()) {
                out.add(identity);
            }
        });
        return out;
    }

    List<Notification> notifications(Map<String, List<SesLine>> sesByIdentity, Instant at) {
        List<Notification> out = new ArrayList<>();
        groups.forEach((identity, g) -> out.add(new Notification(identity, sorted(g.firing), sorted(g.reminders),
                sorted(g.resolved), sesByIdentity.getOrDefault(identity, List.of()), at)));
        return out;
    }

    private Group group(String identity) {
        return groups.computeIfAbsent(identity, k -> new Group());
    }

    private static List<AlertLine> sorted(List<AlertLine> lines) {
        List<AlertLine> copy = new ArrayList<>(lines);
        copy.sort(WORST_FIRST);
        return copy;
    }

    private static final class Group {
        final List<AlertLine> firing = new ArrayList<>();
        final List<AlertLine> reminders = new ArrayList<>();
        final List<AlertLine> resolved = new ArrayList<>();
    }
}
