package dev.dkimagent.rules.matrix;

import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import java.util.List;
import java.util.Optional;

/**
 * One expected record of one identity across the addresses of its zone.
 *
 * @param identity the identity that expects it
 * @param record   the record
 * @param provider who publishes the key behind it
 * @param apex     its zone
 * @param cells    one per nameserver address, in server order (none when the zone has no address)
 */
public record RecordRow(Identity identity, ExpectedRecord record, Provider provider, String apex, List<Cell> cells) {

    public RecordRow {
        cells = List.copyOf(cells);
    }

    public String name() {
        return record.name();
    }

    public String selector() {
        return record.selector();
    }

    public boolean expectsCname() {
        return record.type() == RecordType.CNAME;
    }

    /** The cell of one address, if the zone has it. */
    public Optional<Cell> cell(String address) {
        return cells.stream().filter(c -> c.server().address().equals(address)).findFirst();
    }

    /** The cells that could be judged, in server order. */
    public List<Cell> judged() {
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).judged()) {
                return cells.stream().filter(Cell::judged).toList();
            }
        }
        return cells; // the usual case, without a copy: every cell judged (rules ask this of every row)
    }
}
