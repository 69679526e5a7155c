package dev.dkimagent.rules.catalogue.dkim;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.CellFacts;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import dev.dkimagent.rules.catalogue.Rows;
import dev.dkimagent.rules.matrix.Cell;
import dev.dkimagent.rules.matrix.RecordRow;
import dev.dkimagent.rules.model.Soa;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DKIM01: every usable authoritative server serves each expected record, of the right type and value. */
public final class Dkim01RecordPresence implements Rule {
    public static final String ID = "DKIM01";
    public static final Tag RECORD_MISSING = new Tag(ID, "RECORD_MISSING", Severity.ERROR);
    public static final Tag RECORD_WRONG_TARGET = new Tag(ID, "RECORD_WRONG_TARGET", Severity.ERROR);
    public static final Tag RECORD_WRONG_TYPE = new Tag(ID, "RECORD_WRONG_TYPE", Severity.ERROR);
    public static final String OTHER_KEY_HINT = "another key than the configured value";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "Every authoritative nameserver serves each DKIM record with the expected type and value";
    }

    @Override
    public List<Tag> tags() {
        return List.of(RECORD_MISSING, RECORD_WRONG_TARGET, RECORD_WRONG_TYPE);
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
            Optional<Finding> f = judge(row, row.cells().get(i));
            if (f.isPresent()) {
                out.add(f.get());
            }
        }
    }

    /** The finding of one cell: MISSING, WRONG_TARGET and WRONG_TYPE each map to one tag. */
    private static Optional<Finding> judge(RecordRow row, Cell cell) {
        return switch (cell.state()) {
            case MISSING -> Optional.of(missing(row, cell));
            case WRONG_TARGET -> Optional.of(base(row, cell, RECORD_WRONG_TARGET)
                    .arg("actual", CellFacts.actual(row, cell)).arg("hint", hint(row, cell)).build());
            case WRONG_TYPE -> Optional.of(base(row, cell, RECORD_WRONG_TYPE)
                    .arg("found", CellFacts.found(row, cell)).build());
            default -> Optional.empty();
        };
    }

    private static String hint(RecordRow row, Cell cell) {
        return row.expectsCname()
                ? TargetHint.of(row.record().value(), cell.target().orElseThrow(), row.apex(), row.provider())
                : OTHER_KEY_HINT;
    }

    private static Finding missing(RecordRow row, Cell cell) {
        Optional<Soa> soa = cell.negativeSoa();
        return base(row, cell, RECORD_MISSING)
                .arg("negativeTtl", soa.map(x -> String.valueOf(x.negativeTtl())).orElse("unknown"))
                .arg("soaMinimum", soa.map(x -> String.valueOf(x.minimum())).orElse("unknown"))
                .arg("soaTtl", soa.map(x -> String.valueOf(x.ttl())).orElse("unknown"))
                .build();
    }

    private static FindingBuilder base(RecordRow row, Cell cell, Tag tag) {
        return FindingBuilder.of(tag, Rows.subject(row, cell.server()))
                .arg("expected", Rows.expected(row))
                .arg("type", Rows.type(row))
                .arg("name", row.name())
                .arg(Messages.PROVIDER_ARG, row.provider().slug())
                .dig(CellFacts.dig(row, cell));
    }
}
