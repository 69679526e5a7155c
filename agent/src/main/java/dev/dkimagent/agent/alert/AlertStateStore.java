package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.Store;
import dev.dkimagent.rules.model.SesMemory;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Alert state in the store: alert types in, store rows out. A stand-in on today's {@link Store}
 * until the store's own version lands (same signatures): it rewrites every row under one lock.
 */
public final class AlertStateStore {
    private final Store store;

    public AlertStateStore(Store store) {
        this.store = store;
    }

    /** Every tracked finding, by key. */
    public Map<String, AlertState> states() {
        return store.alertStates();
    }

    /** The tracked findings whose group identity is one of {@code groups}, by key. */
    public Map<String, AlertState> states(Collection<String> groups) {
        Set<String> wanted = new HashSet<>(groups);
        Map<String, AlertState> out = new TreeMap<>();
        store.alertStates().forEach((key, state) -> {
            if (wanted.contains(state.identity())) {
                out.put(key, state);
            }
        });
        return out;
    }

    public Map<String, SesMemory> sesMemory() {
        return store.sesMemory();
    }

    /**
     * One transaction: the states that differ between before and after, the keys gone from after
     * deleted, the notifications enqueued and the given SES memory entries upserted.
     */
    public synchronized void commit(Map<String, AlertState> before, Map<String, AlertState> after,
                                    List<Notification> notifications, Map<String, SesMemory> sesMemory) {
        Map<String, AlertState> all = new TreeMap<>(store.alertStates());
        before.keySet().forEach(all::remove);
        all.putAll(after);
        store.commitSweep(all, sesMemory, notifications);
    }
}
