package dev.dkimagent.rules.catalogue.ns;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.DigCommand;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import dev.dkimagent.rules.catalogue.Rows;
import dev.dkimagent.rules.matrix.Cell;
import dev.dkimagent.rules.matrix.NotJudged;
import dev.dkimagent.rules.matrix.RecordRow;
import dev.dkimagent.rules.matrix.ServerSoa;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Nameserver;
import java.util.ArrayList;
import java.util.List;

/**
 * NS01/NS02 findings from cells not judged: one per zone x address whose SOA answer failed, and one
 * per identity x record x address whose record query failed on a server whose SOA answer was fine.
 */
final class ServerProblemFindings {
    private ServerProblemFindings() {
    }

    static List<Finding> of(Evaluation e, Tag tag, NotJudged.Reason reason) {
        List<Finding> out = new ArrayList<>();
        for (ZoneMatrix zone : e.matrices().values()) {
            for (ServerSoa soa : zone.soas()) {
                NotJudged p = soa.problem();
                if (p != null && p.reason() == reason) {
                    Nameserver ns = soa.server();
                    out.add(build(tag, Subject.server(zone.apex(), ns.host(), ns.address()), ns, p));
                }
            }
        }
        for (RecordRow row : e.rows()) {
            addCellProblems(row, tag, reason, out); // a call per row: C1 compiles it early (a loop body late)
        }
        return out;
    }

    private static void addCellProblems(RecordRow row, Tag tag, NotJudged.Reason reason, List<Finding> out) {
        for (int i = 0; i < row.cells().size(); i++) { // indexed: no iterator per row
            Cell cell = row.cells().get(i);
            NotJudged p = cell.notJudged();
            if (p != null && !p.zoneWide() && p.reason() == reason) {
                out.add(build(tag, Rows.subject(row, cell.server()), cell.server(), p));
            }
        }
    }

    private static Finding build(Tag tag, Subject subject, Nameserver ns, NotJudged p) {
        return FindingBuilder.of(tag, subject)
                .arg("reason", p.detail())
                .arg("query", p.queryType() + " " + p.queryName())
                .dig(DigCommand.direct(ns, p.queryType(), p.queryName()))
                .build();
    }
}
