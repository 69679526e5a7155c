package dev.dkimagent.agent.inventory;

import dev.dkimagent.rules.model.EasyDkimRecords;
import dev.dkimagent.rules.model.ExpectedRecord;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The records of one domain gathered from several sources: de-duplicated, in first-seen order.
 * While the later sources add nothing new, the first list itself is the result, so the compact
 * records of an Easy-DKIM identity ({@link EasyDkimRecords}) stay compact.
 */
public final class MergedRecords {
    private List<ExpectedRecord> first;
    private Set<ExpectedRecord> all; // null until a second list comes

    public void add(List<ExpectedRecord> records) {
        if (first == null) {
            first = records;
            return;
        }
        if (all == null) {
            all = new LinkedHashSet<>(first);
        }
        all.addAll(records);
    }

    /** The records, immutable; none when nothing was added. */
    public List<ExpectedRecord> list() {
        if (first == null) {
            return List.of();
        }
        // an EasyDkimRecords holds distinct records, so a set of the same size holds just those
        if (first instanceof EasyDkimRecords && (all == null || all.size() == first.size())) {
            return first;
        }
        return List.copyOf(all != null ? all : new LinkedHashSet<>(first));
    }
}
