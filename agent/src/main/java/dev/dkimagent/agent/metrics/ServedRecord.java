package dev.dkimagent.agent.metrics;

import dev.dkimagent.rules.matrix.Cell;
import java.util.OptionalLong;

/**
 * What {@code dkim_record_judged}, {@code dkim_record_ok} and {@code dkim_record_ttl_seconds} show
 * for one record on one address: read off the rules' cell, so metrics, findings and the report share
 * one definition of "served correctly" and of "judged" (and metrics still do not depend on rule levels).
 *
 * @param judged the cell could be judged: the server was heard for this record (a NOT_JUDGED cell
 *               is neither served nor not served, so it has no dkim_record_ok)
 * @param ok     the cell is served correctly (false when not judged)
 * @param ttl    the TTL of the records of the expected type it serves (a wrong target still has a
 *               TTL worth seeing); empty when none or when the cell could not be judged
 */
public record ServedRecord(boolean judged, boolean ok, OptionalLong ttl) {

    public static ServedRecord of(Cell cell) {
        return new ServedRecord(cell.judged(), cell.servedCorrectly(), cell.ttl());
    }
}
