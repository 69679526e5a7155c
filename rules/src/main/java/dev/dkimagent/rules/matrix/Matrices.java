package dev.dkimagent.rules.matrix;

import dev.dkimagent.rules.model.DirectAnswers;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.NameAnswers;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the matrix of every zone in a snapshot, once: the only place answers become cells. */
public final class Matrices {
    private Matrices() {
    }

    /** One matrix per zone apex of the snapshot, ordered by apex. */
    public static Map<String, ZoneMatrix> of(Snapshot s) {
        Map<String, Building> zones = new LinkedHashMap<>();
        for (ZoneView zone : s.zones().values()) {
            zones.put(zone.apex(), new Building(s, zone));
        }
        Building last = null; // records come zone by zone: one lookup per zone change, not per record
        for (Identity identity : s.identities()) {
            last = addRows(s, zones, last, identity); // a method per identity: compiled after a few hundred calls
        }
        Map<String, ZoneMatrix> out = new TreeMap<>();
        for (Building zone : zones.values()) {
            out.put(zone.zone.apex(), zone.matrix());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Adds the identity's rows to their zones; returns the zone of its last record (or {@code last}). */
    private static Building addRows(Snapshot s, Map<String, Building> zones, Building last, Identity identity) {
        Building recent = last;
        List<ExpectedRecord> records = identity.records();
        for (int i = 0; i < records.size(); i++) {
            ExpectedRecord r = records.get(i);
            String apex = s.zoneOfName().get(r.name());
            Building zone = apex == null ? null
                    : recent != null && recent.zone.apex().equals(apex) ? recent : zones.get(apex);
            if (zone != null) {
                zone.add(s, s.directAnswers(), identity, r);
                recent = zone;
            }
        }
        return recent;
    }

    /** One zone's matrix while its rows are added. */
    private static final class Building {
        final ZoneView zone;
        final List<Nameserver> servers;
        final List<ServerSoa> soas = new ArrayList<>();
        final List<RecordRow> rows = new ArrayList<>();
        final Map<String, KeyObservation> keys = new LinkedHashMap<>();

        Building(Snapshot s, ZoneView zone) {
            this.zone = zone;
            this.servers = distinctServers(zone);
            servers.forEach(ns -> soas.add(CellJudge.soa(s, zone, ns)));
        }

        void add(Snapshot s, DirectAnswers answers, Identity identity, ExpectedRecord r) {
            RecordRow row = row(answers, zone, soas, identity, r);
            rows.add(row);
            if (row.expectsCname() && !keys.containsKey(r.value())) {
                keys.put(r.value(), CellJudge.key(r.value(), s.keyAnswer(r.value())));
            }
        }

        ZoneMatrix matrix() {
            return new ZoneMatrix(zone, servers, soas, rows, keys);
        }
    }

    private static RecordRow row(DirectAnswers answers, ZoneView zone, List<ServerSoa> soas, Identity identity,
                                 ExpectedRecord r) {
        Cell[] cells = new Cell[soas.size()];
        NameAnswers ofName = answers.ofName(r.name());
        for (int i = 0; i < cells.length; i++) {
            cells[i] = CellJudge.cell(ofName, zone, soas.get(i), r);
        }
        return new RecordRow(identity, r, Provider.of(identity, r), zone.apex(), List.of(cells));
    }

    /** The zone's servers, one per address (two NS names on one address are one server to ask). */
    static List<Nameserver> distinctServers(ZoneView zone) {
        Map<String, Nameserver> byAddress = new LinkedHashMap<>();
        for (Nameserver ns : zone.servers()) {
            byAddress.putIfAbsent(ns.address(), ns);
        }
        return List.copyOf(byAddress.values());
    }
}
