package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The records of one SES identity judged on every usable server exactly as DKIM01 judges them.
 * Servers whose answers cannot be judged (NS01/NS02's business) count neither way.
 *
 * @param faults       DKIM01's findings, one per wrong (record, server)
 * @param judged       how many (record, server) pairs could be judged
 * @param everyJudged  every record has a known zone and was judged on at least one server
 */
record SesDnsJudgement(List<Finding> faults, int judged, boolean everyJudged) {
    private static final Dkim01RecordPresence DKIM01 = new Dkim01RecordPresence();

    static SesDnsJudgement of(Snapshot s, SesContext c) {
        List<Finding> faults = new ArrayList<>();
        int judged = 0;
        boolean everyJudged = true;
        for (RecordInZone rec : records(s, c).values()) {
            if (rec == null) {
                everyJudged = false;
                continue;
            }
            int here = 0;
            for (Nameserver server : RecordInZone.distinctServers(rec.zone())) {
                Optional<RecordAtServer> at = RecordAtServer.judgeable(s, rec, server);
                if (at.isPresent()) {
                    here++;
                    DKIM01.judge(s, at.get()).ifPresent(faults::add);
                }
            }
            judged += here;
            everyJudged &= here > 0;
        }
        return new SesDnsJudgement(faults, judged, everyJudged);
    }

    /** One entry per record name (several identities may expect it); null where the zone is unknown. */
    private static Map<String, RecordInZone> records(Snapshot s, SesContext c) {
        Map<String, RecordInZone> out = new LinkedHashMap<>();
        for (Identity identity : c.identities()) {
            for (ExpectedRecord r : identity.records().stream().filter(c::ownRecord).toList()) {
                Optional<ZoneView> zone = s.zoneOf(r.name());
                out.putIfAbsent(r.name(), zone.map(z -> new RecordInZone(identity, z, r)).orElse(null));
            }
        }
        return out;
    }

    /** Every record right on every judged server, and there was something to judge. */
    boolean allRight() {
        return faults.isEmpty() && judged > 0 && everyJudged;
    }

    /** "t2._domainkey.a.test on ns3.a.test (127.0.0.13): missing; ...", sorted. */
    String problems() {
        TreeSet<String> lines = new TreeSet<>();
        faults.forEach(f -> lines.add(f.args().get("name") + " on " + display(f) + ": " + describe(f)));
        return String.join("; ", lines);
    }

    /** The direct dig of each wrong (record, server), sorted, one shell line. */
    String digs() {
        TreeSet<String> digs = new TreeSet<>();
        faults.forEach(f -> digs.add(f.args().get("dig")));
        return String.join("; ", digs);
    }

    private static String display(Finding f) {
        return new Nameserver(f.subject().nameserver(), f.subject().address()).display();
    }

    private static String describe(Finding f) {
        Map<String, String> a = f.args();
        if (f.is(Dkim01RecordPresence.RECORD_WRONG_TARGET)) {
            return "serves " + a.get("actual") + " instead of " + a.get("expected");
        }
        if (f.is(Dkim01RecordPresence.RECORD_WRONG_TYPE)) {
            return "serves " + a.get("found") + " instead of " + a.get("type");
        }
        return "missing";
    }
}
