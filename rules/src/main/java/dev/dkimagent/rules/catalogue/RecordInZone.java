package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.EvaluationCache;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One expected record of one identity, in the zone discovery found for it. */
record RecordInZone(Identity identity, ZoneView zone, ExpectedRecord record) {

    /** Every identity x record whose zone is known, in snapshot order (unmodifiable, built once per evaluation). */
    static List<RecordInZone> all(Snapshot s) {
        return EvaluationCache.get(s, "RecordInZone.all", RecordInZone::build);
    }

    private static List<RecordInZone> build(Snapshot s) {
        List<RecordInZone> out = new ArrayList<>();
        for (Identity identity : s.identities()) {
            for (ExpectedRecord r : identity.records()) {
                s.zoneOf(r.name()).ifPresent(zone -> out.add(new RecordInZone(identity, zone, r)));
            }
        }
        return List.copyOf(out);
    }

    /** The zone's servers, one per address (two NS names on one address are one server to ask). */
    static List<Nameserver> distinctServers(ZoneView zone) {
        Map<String, Nameserver> byAddress = new LinkedHashMap<>();
        for (Nameserver ns : zone.servers()) {
            byAddress.putIfAbsent(ns.address(), ns);
        }
        return List.copyOf(byAddress.values());
    }

    String name() {
        return record.name();
    }

    boolean expectsCname() {
        return record.type() == RecordType.CNAME;
    }

    /** The query types the sweep may have asked for this record, the expected type first. */
    List<String> queryTypes() {
        return expectsCname() ? List.of("CNAME", "TXT", "A", "AAAA") : List.of("TXT");
    }

    Subject subject() {
        return new Subject(identity.name(), zone.apex(), record.selector(), null, null);
    }

    Subject subject(Nameserver server) {
        return new Subject(identity.name(), zone.apex(), record.selector(), server.host(), server.address());
    }
}
