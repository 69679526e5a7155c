package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.matrix.Cell;
import dev.dkimagent.rules.matrix.RecordRow;
import dev.dkimagent.rules.model.Nameserver;

/** Subjects and dig lines of rows and cells, the same for every rule that reports on them. */
public final class Rows {
    public static final String ANY_KEY = "a DKIM key record (v=DKIM1; k=rsa; p=<base64 key>)";

    private Rows() {
    }

    public static Subject subject(RecordRow row) {
        return new Subject(row.identity().name(), row.apex(), row.selector(), null, null);
    }

    public static Subject subject(RecordRow row, Nameserver server) {
        return new Subject(row.identity().name(), row.apex(), row.selector(), server.host(), server.address());
    }

    public static String type(RecordRow row) {
        return row.record().type().name();
    }

    /** The expected value as a person reads it: the configured value, or "a DKIM key record". */
    public static String expected(RecordRow row) {
        String value = row.record().value();
        return value == null || value.isBlank() ? ANY_KEY : value;
    }

    /** The direct dig of one cell, asking the type that shows its problem. */
    public static String dig(RecordRow row, Cell cell, String type) {
        return DigCommand.direct(cell.server(), type, row.name());
    }
}
