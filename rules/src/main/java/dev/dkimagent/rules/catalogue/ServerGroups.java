package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.model.Nameserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Groups of servers by what they showed, for findings that compare servers. */
final class ServerGroups {
    private ServerGroups() {
    }

    /** Judgeable answers per identity x record, in snapshot order. */
    static Map<RecordInZone, List<RecordAtServer>> byRecord(List<RecordAtServer> all) {
        Map<RecordInZone, List<RecordAtServer>> out = new LinkedHashMap<>();
        for (RecordAtServer at : all) {
            out.computeIfAbsent(at.rec(), k -> new ArrayList<>()).add(at);
        }
        return out;
    }

    /** Servers per shown value, in server order. */
    static <V> Map<V, List<RecordAtServer>> byValue(List<RecordAtServer> servers, Function<RecordAtServer, V> value) {
        Map<V, List<RecordAtServer>> out = new LinkedHashMap<>();
        for (RecordAtServer at : servers) {
            out.computeIfAbsent(value.apply(at), k -> new ArrayList<>()).add(at);
        }
        return out;
    }

    /** "ns1.a.test (127.0.0.11), ns2.a.test (127.0.0.12): value; ns3.a.test (127.0.0.13): other". */
    static <V> String describe(Map<V, List<RecordAtServer>> groups) {
        return groups.entrySet().stream()
                .map(e -> displays(e.getValue()) + ": " + e.getKey())
                .collect(Collectors.joining("; "));
    }

    /** One direct dig per group (its first server), joined into one shell line. */
    static <V> String digs(Map<V, List<RecordAtServer>> groups, String type) {
        return groups.values().stream()
                .map(g -> DigCommand.direct(g.get(0).server(), type, g.get(0).name()))
                .collect(Collectors.joining("; "));
    }

    private static String displays(List<RecordAtServer> servers) {
        return servers.stream().map(RecordAtServer::server).map(Nameserver::display).collect(Collectors.joining(", "));
    }
}
