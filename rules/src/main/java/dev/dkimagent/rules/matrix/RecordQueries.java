package dev.dkimagent.rules.matrix;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import java.util.List;

/**
 * Which direct queries a record needs, shared by the probe (what to ask) and the cell judge (what
 * was asked). TXT goes first for every record: an authoritative server answers a TXT query at a
 * name that holds a CNAME with the CNAME itself (target, TTL, AA), so a healthy Easy-DKIM record
 * costs one query per address. A CNAME is asked only when the TXT answer leaves the question open
 * (TXT data at the name, or nothing there), and A/AAAA only when the CNAME query comes back NODATA,
 * to name what a flattened record serves instead.
 */
public final class RecordQueries {
    public static final String FIRST = "TXT";

    private RecordQueries() {
    }

    /** The queries to send after {@code asked} came back with {@code answer}; empty when nothing more is needed. */
    public static List<String> after(ExpectedRecord r, String asked, Answer answer) {
        if (r.type() != RecordType.CNAME) {
            return List.of();
        }
        if (asked.equals(FIRST)) {
            return txtLeavesCnameOpen(r, answer) ? List.of("CNAME") : List.of();
        }
        if (asked.equals("CNAME") && answer.isNoData("CNAME")) {
            return List.of("A", "AAAA");
        }
        return List.of();
    }

    /**
     * A usable NOERROR answer to the TXT query that holds TXT data at the name, or no CNAME there:
     * only a CNAME query says whether a CNAME sits beside the TXT or what a name without TXT holds.
     * A failed answer leaves the cell not judged whatever else is asked; NXDOMAIN says all.
     */
    static boolean txtLeavesCnameOpen(ExpectedRecord r, Answer answer) {
        if (!answer.isReply() || answer.rcode() != Answer.NOERROR || !answer.authoritative()) {
            return false;
        }
        List<Rr> owned = answer.records().stream().filter(x -> x.name().equals(r.name())).toList();
        boolean cname = owned.stream().anyMatch(x -> x.type().equals("CNAME"));
        boolean txt = owned.stream().anyMatch(x -> x.type().equals("TXT"));
        return txt || !cname;
    }
}
