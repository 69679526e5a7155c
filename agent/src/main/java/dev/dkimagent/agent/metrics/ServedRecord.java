package dev.dkimagent.agent.metrics;

import dev.dkimagent.rules.matrix.Cell;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code dkim_record_ok}, {@code dkim_record_not_judged} and {@code dkim_record_ttl_seconds}
 * show for one record on one address: read off the rules' cell, so metrics, findings and the report
 * share one definition of "served correctly" and of "judged" (and metrics still do not depend on
 * rule levels).
 *
 * @param notJudged why the cell could not be judged ({@code no_reply}, {@code lame}, {@code not_asked}, {@code catching_up}),
 *                  empty when it was: a cell not judged is neither served nor not served, so it has
 *                  no dkim_record_ok
 * @param ok        the cell is served correctly (false when not judged)
 * @param ttl       the TTL of the records of the expected type it serves (a wrong target still has a
 *                  TTL worth seeing); empty when none or when the cell could not be judged
 */
public record ServedRecord(Optional<String> notJudged, boolean ok, OptionalLong ttl) {

    public static ServedRecord of(Cell cell) {
        Optional<String> why = cell.judged() ? Optional.empty() : Optional.of(reason(cell));
        return new ServedRecord(why, cell.servedCorrectly(), cell.ttl());
    }

    private static String reason(Cell cell) {
        return cell.notJudged() == null ? "unknown" : cell.notJudged().reason().name().toLowerCase(Locale.ROOT);
    }

    /** A judged cell: served right or not. */
    static ServedRecord judged(boolean ok, OptionalLong ttl) {
        return new ServedRecord(Optional.empty(), ok, ttl);
    }

    public boolean judged() {
        return notJudged.isEmpty();
    }
}
