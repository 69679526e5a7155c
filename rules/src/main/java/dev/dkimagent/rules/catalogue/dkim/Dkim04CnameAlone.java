package dev.dkimagent.rules.catalogue.dkim;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import dev.dkimagent.rules.catalogue.Rows;
import dev.dkimagent.rules.matrix.Cell;
import dev.dkimagent.rules.matrix.CellState;
import dev.dkimagent.rules.matrix.RecordRow;
import java.util.ArrayList;
import java.util.List;

/** DKIM04: a DKIM CNAME is the only data at its name (RFC 1034 section 3.6.2). */
public final class Dkim04CnameAlone implements Rule {
    public static final String ID = "DKIM04";
    public static final Tag CNAME_AND_OTHER_DATA = new Tag(ID, "CNAME_AND_OTHER_DATA", Severity.ERROR);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "No other data sits beside a DKIM CNAME at the same name";
    }

    @Override
    public List<Tag> tags() {
        return List.of(CNAME_AND_OTHER_DATA);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (RecordRow row : evaluation.rows()) {
            judge(row, out); // a call per row: C1 compiles it early, a long loop body only late (OSR)
        }
        return out;
    }

    private static void judge(RecordRow row, List<Finding> out) {
        for (int i = 0; i < row.cells().size(); i++) { // indexed: no iterator per row
            Cell cell = row.cells().get(i);
            if (cell.state() == CellState.CNAME_AND_OTHER_DATA) {
                out.add(FindingBuilder.of(CNAME_AND_OTHER_DATA, Rows.subject(row, cell.server()))
                        .arg("name", row.name())
                        .arg("other", String.join(", ", cell.otherTypes()))
                        .arg("target", cell.target().get())
                        .dig(Rows.dig(row, cell, cell.otherTypes().first()))
                        .build());
            }
        }
    }
}
