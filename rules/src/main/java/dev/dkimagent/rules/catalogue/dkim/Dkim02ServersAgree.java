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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** DKIM02: the servers of one zone serve the same thing for each DKIM record. */
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
            Map<String, List<Cell>> variants = ServerGroups.byValue(row.judged(), Cell::served);
            if (variants.size() > 1) {
                out.add(FindingBuilder.of(NAMESERVERS_DISAGREE, Rows.subject(row))
                        .arg("name", row.name())
                        .arg("type", Rows.type(row))
                        .arg("variants", ServerGroups.describe(variants))
                        .dig(ServerGroups.digs(variants, Rows.type(row), row.name()))
                        .build());
            }
        }
        return out;
    }
}
