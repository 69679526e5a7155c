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
import dev.dkimagent.rules.matrix.RecordRow;
import dev.dkimagent.rules.model.Whitespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DKIM02: the servers of one zone serve the same value for each DKIM record. Only cells each right on
 * their own are compared: a missing or wrong cell is DKIM01's one finding, so this speaks only of
 * servers that each serve an acceptable but different value (e.g. two keys where any key will do).
 */
public final class Dkim02ServersAgree implements Rule {
    public static final String ID = "DKIM02";
    public static final Tag NAMESERVERS_DISAGREE = new Tag(ID, "NAMESERVERS_DISAGREE", Severity.ERROR);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "The authoritative nameservers of a zone serve the same data for each DKIM record";
    }

    @Override
    public List<Tag> tags() {
        return List.of(NAMESERVERS_DISAGREE);
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
        List<Cell> right = servedCorrectly(row.cells());
        if (oneValue(right)) {
            return; // the usual case, decided without canonical forms: equal values are one variant
        }
        Map<String, List<Cell>> variants = ServerGroups.byValue(right, Dkim02ServersAgree::canonical);
        if (variants.size() > 1) {
            out.add(FindingBuilder.of(NAMESERVERS_DISAGREE, Rows.subject(row))
                    .arg("name", row.name())
                    .arg("type", Rows.type(row))
                    .arg("variants", ServerGroups.describe(variants, Cell::served))
                    .dig(ServerGroups.digs(variants, Rows.type(row), row.name()))
                    .build());
        }
    }

    /** The cells served correctly: usually all of them, without a copy. */
    private static List<Cell> servedCorrectly(List<Cell> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).servedCorrectly()) {
                List<Cell> right = new ArrayList<>(cells.size());
                for (int j = 0; j < cells.size(); j++) {
                    if (cells.get(j).servedCorrectly()) {
                        right.add(cells.get(j));
                    }
                }
                return right;
            }
        }
        return cells;
    }

    private static boolean oneValue(List<Cell> cells) {
        for (int i = 1; i < cells.size(); i++) {
            if (!java.util.Objects.equals(cells.get(i).served(), cells.get(0).served())) {
                return false;
            }
        }
        return true;
    }

    /** The served value without white space: a key re-wrapped by a provider is the same key. */
    private static String canonical(Cell cell) {
        return Whitespace.removed(cell.served());
    }
}
