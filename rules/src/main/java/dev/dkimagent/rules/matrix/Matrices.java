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
        Map<String, List<RecordRow>> rows = new LinkedHashMap<>();
        Map<String, Map<String, KeyObservation>> keys = new LinkedHashMap<>();
        Map<String, List<ServerSoa>> soas = new LinkedHashMap<>();
        DirectAnswers answers = s.directAnswers();
        for (ZoneView zone : s.zones().values()) {
            List<ServerSoa> zoneSoas = new ArrayList<>();
            distinctServers(zone).forEach(ns -> zoneSoas.add(CellJudge.soa(s, zone, ns)));
            soas.put(zone.apex(), zoneSoas);
            rows.put(zone.apex(), new ArrayList<>());
            keys.put(zone.apex(), new LinkedHashMap<>());
        }
        for (Identity identity : s.identities()) {
            for (ExpectedRecord r : identity.records()) {
                String apex = s.zoneOfName().get(r.name());
                ZoneView zone = apex == null ? null : s.zones().get(apex);
                if (zone != null) {
                    RecordRow row = row(answers, zone, soas.get(apex), identity, r);
                    rows.get(apex).add(row);
                    if (row.expectsCname()) {
                        keys.get(apex).computeIfAbsent(r.value(), t -> CellJudge.key(t, s.keyAnswer(t)));
                    }
                }
            }
        }
        Map<String, ZoneMatrix> out = new TreeMap<>();
        for (ZoneView zone : s.zones().values()) {
            out.put(zone.apex(), new ZoneMatrix(zone, distinctServers(zone), soas.get(zone.apex()),
                    rows.get(zone.apex()), keys.get(zone.apex())));
        }
        return Collections.unmodifiableMap(out);
    }

    private static RecordRow row(DirectAnswers answers, ZoneView zone, List<ServerSoa> soas, Identity identity,
                                 ExpectedRecord r) {
        List<Cell> cells = new ArrayList<>(soas.size());
        NameAnswers ofName = answers.ofName(r.name());
        for (ServerSoa soa : soas) {
            cells.add(CellJudge.cell(ofName, zone, soa, r));
        }
        return new RecordRow(identity, r, Provider.of(identity, r), zone.apex(), cells);
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
