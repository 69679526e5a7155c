package dev.dkimagent.rules.catalogue.ses;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.catalogue.CellFacts;
import dev.dkimagent.rules.matrix.Cell;
import dev.dkimagent.rules.matrix.RecordRow;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The records of one SES identity as the matrix judged them on every server. Cells that could not
 * be judged (NS01/NS02's business) count neither way.
 *
 * @param faults      the wrong cells (missing, wrong value, wrong type), with their rows
 * @param judged      how many cells could be judged
 * @param everyJudged every record has a known zone and was judged on at least one server
 */
record SesDnsJudgement(List<Fault> faults, int judged, boolean everyJudged) {

    /** One wrong cell of one record. */
    record Fault(RecordRow row, Cell cell) {
    }

    static SesDnsJudgement of(Evaluation e, SesContext c) {
        List<Fault> faults = new ArrayList<>();
        int judged = 0;
        boolean everyJudged = true;
        for (Optional<RecordRow> row : rows(e, c).values()) {
            List<Cell> cells = row.map(RecordRow::judged).orElse(List.of());
            cells.stream().filter(CellFacts::wrong).forEach(cell -> faults.add(new Fault(row.get(), cell)));
            judged += cells.size();
            everyJudged &= !cells.isEmpty();
        }
        return new SesDnsJudgement(faults, judged, everyJudged);
    }

    /** One entry per record name (several identities may expect it); empty where the zone is unknown. */
    private static Map<String, Optional<RecordRow>> rows(Evaluation e, SesContext c) {
        Map<String, Optional<RecordRow>> out = new LinkedHashMap<>();
        for (Identity identity : c.identities()) {
            for (ExpectedRecord r : identity.records().stream().filter(c::ownRecord).toList()) {
                out.putIfAbsent(r.name(), e.row(identity, r));
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
        faults.forEach(f -> lines.add(f.row().name() + " on " + f.cell().server().display() + ": "
                + CellFacts.describe(f.row(), f.cell())));
        return String.join("; ", lines);
    }

    /** The direct dig of each wrong cell, sorted, one shell line. */
    String digs() {
        TreeSet<String> digs = new TreeSet<>();
        faults.forEach(f -> digs.add(CellFacts.dig(f.row(), f.cell())));
        return String.join("; ", digs);
    }
}
