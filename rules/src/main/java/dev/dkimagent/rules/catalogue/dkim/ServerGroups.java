package dev.dkimagent.rules.catalogue.dkim;

import dev.dkimagent.rules.catalogue.DigCommand;
import dev.dkimagent.rules.matrix.Cell;
import dev.dkimagent.rules.model.Nameserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Groups of cells by what their servers showed, for findings that compare servers. */
final class ServerGroups {
    private ServerGroups() {
    }

    /** Cells per shown value, in server order. */
    static <V> Map<V, List<Cell>> byValue(List<Cell> cells, Function<Cell, V> value) {
        Map<V, List<Cell>> out = new LinkedHashMap<>();
        for (Cell c : cells) {
            out.computeIfAbsent(value.apply(c), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    /** "ns1.a.test (127.0.0.11), ns2.a.test (127.0.0.12): value; ns3.a.test (127.0.0.13): other". */
    static <V> String describe(Map<V, List<Cell>> groups, Function<Cell, ?> shown) {
        return groups.values().stream()
                .map(g -> displays(g) + ": " + shown.apply(g.get(0)))
                .collect(Collectors.joining("; "));
    }

    /** One direct dig per group (its first server), joined into one shell line. */
    static <V> String digs(Map<V, List<Cell>> groups, String type, String name) {
        return groups.values().stream()
                .map(g -> DigCommand.direct(g.get(0).server(), type, name))
                .collect(Collectors.joining("; "));
    }

    private static String displays(List<Cell> cells) {
        return cells.stream().map(Cell::server).map(Nameserver::display).collect(Collectors.joining(", "));
    }
}
