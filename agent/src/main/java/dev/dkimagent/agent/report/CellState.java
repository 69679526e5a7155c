package dev.dkimagent.agent.report;

import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.catalogue.dkim.Dkim03RecordTtl;
import dev.dkimagent.rules.matrix.Cell;
import java.util.List;

/** The word shown in one cell of the selector x nameserver matrix: the rules' cell, in a word. */
final class CellState {
    static final String OK = "ok";
    /** No cell in the matrix for this record and address. */
    static final String NOT_ASKED = "-";
    /** A cell without an answer to judge: said so, never left blank or shown as ok. */
    static final String NOT_JUDGED = "NOT-JUDGED";

    private CellState() {
    }

    /**
     * The cell's state; a correct cell whose TTL a verdict flags shows that instead ("ttl-low").
     * {@code cellVerdicts} are the verdicts about this record on this address.
     */
    static String of(Cell cell, List<Verdict> cellVerdicts) {
        return switch (cell.state()) {
            case OK -> ttlWord(cellVerdicts);
            case MISSING -> "MISSING";
            case WRONG_TARGET -> "WRONG";
            case WRONG_TYPE -> "WRONG-TYPE";
            case CNAME_AND_OTHER_DATA -> "CNAME+DATA";
            case NOT_JUDGED -> switch (cell.notJudged().reason()) {
                case NO_REPLY -> "NO-REPLY";
                case LAME -> "LAME";
                case ZONE_NOT_FOUND -> "NO-ZONE";
                case NOT_ASKED -> NOT_JUDGED;
                case CATCHING_UP -> "CATCHING-UP";
            };
        };
    }

    private static String ttlWord(List<Verdict> cellVerdicts) {
        for (Verdict v : cellVerdicts) {
            if (v.finding().is(Dkim03RecordTtl.TTL_TOO_LOW)) {
                return "ttl-low";
            }
            if (v.finding().is(Dkim03RecordTtl.TTL_TOO_HIGH)) {
                return "ttl-high";
            }
        }
        return OK;
    }
}
