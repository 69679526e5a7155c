package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.EvaluationCache;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NS01/NS02 findings from failed answers: one per zone x address from the SOA answer, and one per
 * identity x record x address for a failed record query on a server whose SOA answer was fine.
 */
final class ServerProblemFindings {
    private ServerProblemFindings() {
    }

    static List<Finding> of(Snapshot s, String rule) {
        List<Finding> out = new ArrayList<>(zoneLevel(s, rule));
        out.addAll(recordLevel(s, rule));
        return out;
    }

    static List<ZoneView> zonesByApex(Snapshot s) {
        return s.zones().values().stream().sorted(Comparator.comparing(ZoneView::apex)).toList();
    }

    private static List<Finding> zoneLevel(Snapshot s, String rule) {
        List<Finding> out = new ArrayList<>();
        for (ZoneView zone : zonesByApex(s)) {
            for (Nameserver ns : RecordInZone.distinctServers(zone)) {
                ServerHealth.zoneProblem(s, zone, ns).filter(p -> p.tag().rule().equals(rule)).ifPresent(p -> out.add(
                        build(p, Subject.server(zone.apex(), ns.host(), ns.address()), ns, "SOA", zone.apex())));
            }
        }
        return out;
    }

    private static List<Finding> recordLevel(Snapshot s, String rule) {
        List<Finding> out = new ArrayList<>();
        for (FailedRecord f : failedRecords(s)) {
            if (f.problem().problem().tag().rule().equals(rule)) {
                out.add(build(f.problem().problem(), f.rec().subject(f.server()), f.server(), f.problem().queryType(),
                        f.rec().name()));
            }
        }
        return out;
    }

    /** A failed record query on a server whose SOA answer was fine. */
    private record FailedRecord(RecordInZone rec, Nameserver server, RecordAtServer.RecordProblem problem) {
    }

    /** Every failed record query, in snapshot and server order; NS01 and NS02 share one scan per evaluation. */
    private static List<FailedRecord> failedRecords(Snapshot s) {
        return EvaluationCache.get(s, "ServerProblemFindings.failedRecords", ServerProblemFindings::scan);
    }

    private static List<FailedRecord> scan(Snapshot s) {
        List<FailedRecord> out = new ArrayList<>();
        for (RecordInZone rec : RecordInZone.all(s)) {
            for (Nameserver ns : RecordInZone.distinctServers(rec.zone())) {
                if (ServerHealth.usable(s, rec.zone(), ns)) {
                    RecordAtServer.recordProblem(s, rec, ns).ifPresent(p -> out.add(new FailedRecord(rec, ns, p)));
                }
            }
        }
        return List.copyOf(out);
    }

    private static Finding build(ServerProblem p, Subject subject, Nameserver ns, String type, String name) {
        return FindingBuilder.of(p.tag(), subject)
                .arg("reason", p.reason())
                .arg("query", type + " " + name)
                .dig(DigCommand.direct(ns, type, name))
                .build();
    }
}
