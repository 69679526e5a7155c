package dev.dkimagent.agent.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Plain store rows for the store's own tests (no alert types: the store knows none). */
final class Rows {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private Rows() {
    }

    static AlertStateRow state(String key, String group) {
        return new AlertStateRow(key, group, "FIRING", 2, 0, T0, T0.plusSeconds(300),
                new Document(1, "{\"line\":\"" + key + " <&> ünïcode\"}"));
    }

    static SesMemoryRow memory(String key, String status, Instant lastSuccess, String... tokens) {
        return new SesMemoryRow(key, status, lastSuccess, List.of(tokens));
    }

    static OutboxEntry message(String identity, Instant at) {
        return new OutboxEntry(identity, at, new Document(1, "{\"identity\":\"" + identity + "\"}"));
    }

    static Map<String, AlertStateRow> byKey(AlertStateRow... rows) {
        Map<String, AlertStateRow> map = new TreeMap<>();
        for (AlertStateRow r : rows) {
            map.put(r.key(), r);
        }
        return map;
    }

    static StateChange upsert(AlertStateRow... rows) {
        return new StateChange(List.of(rows), java.util.Set.of(), List.of(), List.of());
    }

    static StateChange enqueue(OutboxEntry... entries) {
        return new StateChange(List.of(), java.util.Set.of(), List.of(), List.of(entries));
    }
}
