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
import java.util.concurrent.ForkJoinPool;

/**
 * Builds the matrix of every zone in a snapshot, once: the only place answers become cells. A
 * snapshot of many identities (one large zone, or {@code check} over many) is built in parts on
 * the common fork-join pool, each part a run of identities, and the parts are joined in order: the
 * rows and key observations come out exactly as one pass would give them.
 */
public final class Matrices {
    /** Fewer identities than this are built in one pass: splitting costs more than it saves. */
    static final int PARALLEL_FROM = 4_096;
    private static final int MIN_PART = 1_024;

    private Matrices() {
    }

    /** One matrix per zone apex of the snapshot, ordered by apex. */
    public static Map<String, ZoneMatrix> of(Snapshot s) {
        return of(s, s.identities().size() >= PARALLEL_FROM);
    }

    /** As above, built in parts or in one pass (tests compare the two). */
    static Map<String, ZoneMatrix> of(Snapshot s, boolean inParts) {
        Map<String, Building> zones = new LinkedHashMap<>();
        for (ZoneView zone : s.zones().values()) {
            zones.put(zone.apex(), new Building(s, zone));
        }
        List<Identity> identities = s.identities();
        if (!inParts) {
            new Part(s, zones).addAll(identities).joinInto();
        } else {
            // parts run on any thread; joined on this one, in the identities' order
            parts(identities).parallelStream().map(run -> new Part(s, zones).addAll(run)).toList()
                    .forEach(Part::joinInto);
        }
        Map<String, ZoneMatrix> out = new TreeMap<>();
        for (Building zone : zones.values()) {
            out.put(zone.zone.apex(), zone.matrix());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Runs of identities, two per thread that can build them (the caller and the common pool's). */
    private static List<List<Identity>> parts(List<Identity> identities) {
        int wanted = 2 * (ForkJoinPool.getCommonPoolParallelism() + 1);
        int size = Math.max(MIN_PART, (identities.size() + wanted - 1) / wanted);
        List<List<Identity>> parts = new ArrayList<>();
        for (int from = 0; from < identities.size(); from += size) {
            parts.add(identities.subList(from, Math.min(identities.size(), from + size)));
        }
        return parts;
    }

    /** One zone: what every part reads (servers, SOA cells), and the rows and keys joined in order. */
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

        ZoneMatrix matrix() {
            return new ZoneMatrix(zone, servers, soas, rows, keys);
        }
    }

    /** The rows and key observations of one run of identities, per zone, until joined. */
    private static final class Part {
        private final Snapshot s;
        private final Map<String, Building> zones;
        private final Map<Building, Rows> byZone = new LinkedHashMap<>();

        Part(Snapshot s, Map<String, Building> zones) {
            this.s = s;
            this.zones = zones;
        }

        Part addAll(List<Identity> identities) {
            Rows last = null; // records come zone by zone: one lookup per zone change, not per record
            for (Identity identity : identities) {
                last = addRows(identity, last); // a method per identity: compiled after a few hundred calls
            }
            return this;
        }

        /** Adds the identity's rows to their zones; returns the zone of its last record (or {@code last}). */
        private Rows addRows(Identity identity, Rows last) {
            Rows recent = last;
            List<ExpectedRecord> records = identity.records();
            for (int i = 0; i < records.size(); i++) {
                ExpectedRecord r = records.get(i);
                String apex = s.zoneOfName().get(r.name());
                if (apex == null) {
                    continue;
                }
                Rows rows = recent != null && recent.zone.zone.apex().equals(apex) ? recent : rowsOf(apex);
                if (rows != null) {
                    rows.add(s, identity, r);
                    recent = rows;
                }
            }
            return recent;
        }

        private Rows rowsOf(String apex) {
            Building zone = zones.get(apex);
            return zone == null ? null : byZone.computeIfAbsent(zone, Rows::new);
        }

        /** Appends this part's rows and new keys to their zones (called in the parts' order). */
        void joinInto() {
            byZone.forEach((zone, rows) -> {
                zone.rows.addAll(rows.rows);
                rows.keys.forEach(zone.keys::putIfAbsent);
            });
        }
    }

    /** One zone's rows and key observations within a part. */
    private static final class Rows {
        final Building zone;
        final List<RecordRow> rows = new ArrayList<>();
        final Map<String, KeyObservation> keys = new LinkedHashMap<>();

        Rows(Building zone) {
            this.zone = zone;
        }

        void add(Snapshot s, Identity identity, ExpectedRecord r) {
            RecordRow row = row(s.directAnswers(), zone.zone, zone.soas, identity, r);
            rows.add(row);
            if (row.expectsCname() && !keys.containsKey(r.value())) {
                keys.put(r.value(), CellJudge.key(r.value(), s.keyAnswer(r.value())));
            }
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
