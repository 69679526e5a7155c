package dev.dkimagent.rules.matrix;

import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.ZoneView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One zone, judged once from the observations: its view (NS sets, addresses), the SOA each address
 * serves, one {@link Cell} per expected record x address, and the key behind each CNAME target.
 * Immutable; every rule, the report, the metrics and the lifecycle read the same cells.
 */
public final class ZoneMatrix {
    private final ZoneView view;
    private final List<Nameserver> servers;
    private final Map<String, ServerSoa> soas;
    private final List<RecordRow> rows;
    private final Map<String, KeyObservation> keys;
    private final java.util.Set<String> unheard = new java.util.HashSet<>();

    ZoneMatrix(ZoneView view, List<Nameserver> servers, List<ServerSoa> soas, List<RecordRow> rows,
               Map<String, KeyObservation> keys) {
        this.view = view;
        this.servers = List.copyOf(servers);
        Map<String, ServerSoa> byAddress = new LinkedHashMap<>();
        soas.forEach(s -> byAddress.put(s.server().address(), s));
        this.soas = java.util.Collections.unmodifiableMap(byAddress);
        this.rows = List.copyOf(rows);
        this.keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        soas.stream().filter(s -> !s.usable()).forEach(s -> unheard.add(s.server().address()));
        for (int r = 0; r < rows.size(); r++) { // loops: a zone may hold 30,000 rows
            addUnheard(rows.get(r).cells()); // a call per row: C1 compiles it early, a long loop body only late (OSR)
        }
    }

    private void addUnheard(List<Cell> cells) {
        for (int c = 0; c < cells.size(); c++) {
            NotJudged why = cells.get(c).notJudged();
            if (why != null && why.serverNotHeard()) {
                unheard.add(cells.get(c).server().address());
            }
        }
    }

    public String apex() {
        return view.apex();
    }

    /** What discovery learned: child and parent NS sets, every address, why it failed. */
    public ZoneView view() {
        return view;
    }

    /** The addresses to judge, one per address (two NS names on one address are one server), in view order. */
    public List<Nameserver> servers() {
        return servers;
    }

    /** Discovery found the zone and at least one address: something could be judged. */
    public boolean found() {
        return view.discovered() && !servers.isEmpty();
    }

    /** The SOA answer of each address, in server order. */
    public List<ServerSoa> soas() {
        return List.copyOf(soas.values());
    }

    public Optional<ServerSoa> soa(String address) {
        return Optional.ofNullable(soas.get(address));
    }

    /** Every identity x expected record in this zone, in observation order. */
    public List<RecordRow> rows() {
        return rows;
    }

    /** The key observation per CNAME target of this zone's records. */
    public Map<String, KeyObservation> keys() {
        return keys;
    }

    public Optional<KeyObservation> key(String target) {
        return Optional.ofNullable(keys.get(target));
    }

    /** The row of one identity's selector, if this zone has it. */
    public Optional<RecordRow> row(String identity, String selector) {
        return rows.stream()
                .filter(r -> r.identity().name().equals(identity) && r.selector().equals(selector))
                .findFirst();
    }

    /**
     * Could this matrix show a problem about this address (and selector)? The address must be one
     * of the zone's; a selector's own cell must be judged; without a cell, the server must have
     * been heard (usable SOA, no record query left unanswered).
     */
    public boolean couldSee(String identity, String selector, String address) {
        if (servers.stream().noneMatch(s -> s.address().equals(address))) {
            return false;
        }
        Optional<Cell> cell = selector == null ? Optional.empty()
                : row(identity, selector).flatMap(r -> r.cell(address));
        return cell.map(Cell::judged).orElseGet(() -> heard(address));
    }

    /**
     * Is the key behind this identity's selector expected here and not read? A CNAME's key when
     * the resolvers gave no usable answer for its target (or were not asked); a TXT record's key
     * when no server's cell was judged. False for a selector the zone no longer expects.
     */
    public boolean keyNotRead(String identity, String selector) {
        Optional<RecordRow> row = selector == null ? Optional.empty() : row(identity, selector);
        if (row.isEmpty()) {
            return false;
        }
        if (!row.get().expectsCname()) {
            return row.get().judged().isEmpty();
        }
        return !key(row.get().record().value()).map(KeyObservation::read).orElse(false);
    }

    /** The address answered usably: its SOA answer and every record query on it. */
    public boolean heard(String address) {
        return !unheard.contains(address);
    }
}
