package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.AlertStateRow;
import dev.dkimagent.agent.store.OutboxEntry;
import dev.dkimagent.agent.store.SesMemoryRow;
import dev.dkimagent.agent.store.StateChange;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Alert states, SES memory, the last SES scan's view and the outbox in the store, as the alert
 * types: the codecs turn them into the store's rows. A commit writes only what changed.
 */
public final class AlertStateStore {

    private final Store store;

    public AlertStateStore(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Every tracked finding, by key. */
    public Map<String, AlertState> states() {
        return decode(store.alertStates());
    }

    /** The tracked findings grouped under one of {@code groups} ({@link AlertState#identity()}), by key. */
    public Map<String, AlertState> states(Collection<String> groups) {
        return decode(store.alertStates(groups));
    }

    /** What earlier sweeps remembered of SES, by {@code SesView.memoryKey}. */
    public Map<String, SesMemory> sesMemory() {
        Map<String, SesMemory> out = new TreeMap<>();
        store.sesMemory().forEach((key, row) -> out.put(key, new SesMemory(status(row), row.lastSuccess(),
                row.tokens())));
        return out;
    }

    /**
     * One transaction: the states that differ between {@code before} and {@code after} are
     * written, keys of {@code before} absent from {@code after} are forgotten, the notifications
     * are enqueued in order, and the given SES memory entries (maybe none) are written.
     */
    public void commit(Map<String, AlertState> before, Map<String, AlertState> after,
                       List<Notification> notifications, Map<String, SesMemory> sesMemory) {
        List<AlertStateRow> upserts = new ArrayList<>();
        after.forEach((key, state) -> {
            if (!state.equals(before.get(key))) {
                upserts.add(AlertStateCodec.encode(state));
            }
        });
        Set<String> deletes = new TreeSet<>(before.keySet());
        deletes.removeAll(after.keySet());
        List<OutboxEntry> outbox = notifications.stream()
                .map(n -> new OutboxEntry(n.identity(), n.at(), NotificationCodec.encode(n)))
                .toList();
        store.commit(new StateChange(upserts, deletes, memoryRows(sesMemory), outbox));
    }

    /**
     * Lands one SES scan in one transaction: the SES memory after it ({@link SesHistory#next}) and
     * the view it was judged with, which every node reads back with {@link #sesView()}.
     *
     * @param identities the identities SES named, with their records
     * @param view       the scan's view, with the memory it was judged against
     * @return the stored view's sequence number
     */
    public long commitSesScan(Map<String, SesMemory> sesMemory, Instant scannedAt, List<Identity> identities,
                              SesView view) {
        return store.commitSesScan(memoryRows(sesMemory), scannedAt, SesViewCodec.encode(identities, view));
    }

    /** The sequence number of the last stored SES scan (0 before the first); cheap. */
    public long sesViewSequence() {
        return store.sesViewSequence();
    }

    /**
     * The last stored SES scan, decoded; empty before the first.
     *
     * @throws StoredFormatException when it cannot be read (a format this agent does not know)
     */
    public Optional<StoredSesView> sesView() {
        return store.sesView().map(SesViewCodec::decode);
    }

    private static List<SesMemoryRow> memoryRows(Map<String, SesMemory> sesMemory) {
        List<SesMemoryRow> ses = new ArrayList<>();
        sesMemory.forEach((key, m) -> ses.add(new SesMemoryRow(key,
                m.lastStatus() == null ? null : m.lastStatus().name(), m.lastSuccess(), m.lastTokens())));
        return ses;
    }

    private static Map<String, AlertState> decode(Map<String, AlertStateRow> rows) {
        Map<String, AlertState> out = new TreeMap<>();
        rows.forEach((key, row) -> out.put(key, AlertStateCodec.decode(row)));
        return out;
    }

    private static DkimStatus status(SesMemoryRow row) {
        if (row.lastStatus() == null) {
            return null;
        }
        return StrictJson.constant(DkimStatus.class, row.lastStatus(), "last_status", "stored SES memory " + row.key());
    }
}
