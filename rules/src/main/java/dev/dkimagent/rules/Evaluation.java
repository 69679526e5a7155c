package dev.dkimagent.rules;

import dev.dkimagent.rules.matrix.Matrices;
import dev.dkimagent.rules.matrix.RecordRow;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What every rule reads in one evaluation: the observations and the zone matrices built from them
 * once, passed to each rule as an argument (no thread-local, no string-keyed cache).
 */
public final class Evaluation {
    private final Snapshot snapshot;
    private final Map<String, ZoneMatrix> matrices;
    private final List<RecordRow> rows;
    /** {@link #matrix}'s answers, made once: rules ask for a row's matrix tens of thousands of times. */
    private final Map<String, Optional<ZoneMatrix>> matrixOf = new HashMap<>();
    /** Built on first use: only the SES rules look rows and identities up, and only when SES is read. */
    private Map<RowKey, RecordRow> rowsByRecord;
    private Map<String, List<Identity>> identitiesByName;

    /** @param matrices {@code Matrices.of(snapshot)}: each zone's rows in the snapshot's order */
    public Evaluation(Snapshot snapshot, Map<String, ZoneMatrix> matrices) {
        this.snapshot = snapshot;
        this.matrices = matrices;
        this.rows = inSnapshotOrder(snapshot, matrices);
        matrices.forEach((apex, m) -> matrixOf.put(apex, Optional.of(m)));
    }

    /** Builds the matrices of the snapshot's zones. */
    public static Evaluation of(Snapshot snapshot) {
        return new Evaluation(snapshot, Matrices.of(snapshot));
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** One matrix per zone apex, ordered by apex. */
    public Map<String, ZoneMatrix> matrices() {
        return matrices;
    }

    public Optional<ZoneMatrix> matrix(String apex) {
        return apex == null ? Optional.empty() : matrixOf.getOrDefault(apex, Optional.empty());
    }

    /** Every identity x record whose zone was discovered (found or not), in snapshot order. */
    public List<RecordRow> rows() {
        return rows;
    }

    /** The row of one identity's record, if its zone is known. */
    public synchronized Optional<RecordRow> row(Identity identity, ExpectedRecord record) {
        if (rowsByRecord == null) {
            rowsByRecord = new HashMap<>();
            rows.forEach(r -> rowsByRecord.putIfAbsent(new RowKey(r.identity(), r.record()), r));
        }
        return Optional.ofNullable(rowsByRecord.get(new RowKey(identity, record)));
    }

    /** The snapshot's identities by name (several sources may expect one domain). */
    public synchronized List<Identity> identitiesNamed(String name) {
        if (identitiesByName == null) {
            identitiesByName = snapshot.identities().stream().collect(Collectors.groupingBy(Identity::name));
        }
        return identitiesByName.getOrDefault(name, List.of());
    }

    /** The matrices' rows in snapshot order: each zone's rows were built in that order, so a cursor per zone merges them. */
    private static List<RecordRow> inSnapshotOrder(Snapshot s, Map<String, ZoneMatrix> matrices) {
        if (matrices.size() == 1) {
            return matrices.values().iterator().next().rows(); // one zone: its rows are in snapshot order
        }
        Map<String, int[]> next = new HashMap<>();
        List<RecordRow> out = new ArrayList<>();
        for (Identity identity : s.identities()) {
            for (ExpectedRecord r : identity.records()) {
                String apex = s.zoneOfName().get(r.name());
                ZoneMatrix m = apex == null ? null : matrices.get(apex);
                if (m != null) {
                    out.add(m.rows().get(next.computeIfAbsent(apex, a -> new int[1])[0]++));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Equal as the pair of records is, hashed by the two names alone: the generated hash of an
     * {@link Identity} walks all its records, through method handles that C1-only code runs slowly.
     */
    private record RowKey(Identity identity, ExpectedRecord record) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey k && (identity == k.identity || identity.equals(k.identity))
                    && (record == k.record || record.equals(k.record));
        }

        @Override
        public int hashCode() {
            return identity.name().hashCode() * 31 + record.name().hashCode();
        }
    }
}
