package dev.dkimagent.agent.store;

import java.util.List;
import java.util.Set;

/**
 * What one commit writes, in one transaction: only the rows that changed.
 *
 * @param upserts   alert states to insert or replace, by key
 * @param deletes   keys of alert states to forget
 * @param sesMemory SES memory entries to insert or replace
 * @param outbox    messages to enqueue, in this order
 */
public record StateChange(List<AlertStateRow> upserts, Set<String> deletes, List<SesMemoryRow> sesMemory,
                          List<OutboxEntry> outbox) {

    public StateChange {
        upserts = List.copyOf(upserts);
        deletes = Set.copyOf(deletes);
        sesMemory = List.copyOf(sesMemory);
        outbox = List.copyOf(outbox);
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && deletes.isEmpty() && sesMemory.isEmpty() && outbox.isEmpty();
    }
}
