package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.matrix.Cell;
import dev.dkimagent.rules.matrix.CellState;
import dev.dkimagent.rules.matrix.RecordRow;

/** What a wrong cell serves, in words, and the dig that shows it: DKIM01 and SES03 say it alike. */
public final class CellFacts {
    private CellFacts() {
    }

    /** The wrong value served: the CNAME target, or the TXT values. */
    public static String actual(RecordRow row, Cell cell) {
        return row.expectsCname() ? cell.target().orElse(cell.served()) : cell.served();
    }

    /** The types found where another is expected. */
    public static String found(RecordRow row, Cell cell) {
        return row.expectsCname() ? String.join(", ", cell.otherTypes()) : "CNAME";
    }

    /** The type to ask to see the problem: the expected type, or the type found instead. */
    public static String digType(RecordRow row, Cell cell) {
        if (cell.state() == CellState.WRONG_TYPE) {
            return row.expectsCname() ? cell.otherTypes().first() : "TXT";
        }
        if (cell.state() == CellState.CNAME_AND_OTHER_DATA) {
            return cell.otherTypes().first();
        }
        return Rows.type(row);
    }

    public static String dig(RecordRow row, Cell cell) {
        return Rows.dig(row, cell, digType(row, cell));
    }

    /** "missing", "serves X instead of Y": one wrong cell in a few words. */
    public static String describe(RecordRow row, Cell cell) {
        return switch (cell.state()) {
            case WRONG_TARGET -> "serves " + actual(row, cell) + " instead of " + Rows.expected(row);
            case WRONG_TYPE -> "serves " + found(row, cell) + " instead of " + Rows.type(row);
            default -> "missing";
        };
    }

    /** A cell DKIM01 reports: missing, or the wrong value or type. */
    public static boolean wrong(Cell cell) {
        return cell.state() == CellState.MISSING || cell.state() == CellState.WRONG_TARGET
                || cell.state() == CellState.WRONG_TYPE;
    }
}
