package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.util.ArrayList;
import java.util.List;

/** The SOA each usable server of a zone serves, for the zone-wide SOA comparisons. */
record SoaServers(Nameserver server, SoaRecords.Soa soa) {

    static List<SoaServers> of(Snapshot s, ZoneView zone) {
        List<SoaServers> out = new ArrayList<>();
        for (Nameserver ns : RecordInZone.distinctServers(zone)) {
            if (ServerHealth.answersSoa(s, zone, ns)) {
                s.soa(zone, ns).flatMap(SoaRecords::of).ifPresent(soa -> out.add(new SoaServers(ns, soa)));
            }
        }
        return out;
    }
}
