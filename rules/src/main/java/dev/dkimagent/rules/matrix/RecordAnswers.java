package dev.dkimagent.rules.matrix;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.Snapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot's direct answers to the record queries ({@link CellJudge#queryTypes}), grouped by
 * record name once per matrix build: a cell then reads its up to four answers from one small array
 * instead of building and hashing a {@link Query} for each (judging 10,000 identities makes 90,000
 * cells). Gives exactly what {@link Snapshot#answer} gives for those types.
 */
final class RecordAnswers {
    /** Every type a record cell reads, in {@link CellJudge#queryTypes}' order for a CNAME. */
    private static final List<String> TYPES = List.of(RecordQueries.FIRST, "CNAME", "A", "AAAA");
    private static final Answer[] NONE = new Answer[0];

    private final Map<String, Integer> addressSlot = new HashMap<>();
    /** Per normalised record name: answers at [address slot x TYPES.size() + type index]. */
    private final Map<String, Answer[]> byName = new HashMap<>();

    private RecordAnswers(Snapshot s) {
        for (Query q : s.answers().keySet()) {
            addressSlot.putIfAbsent(q.address(), addressSlot.size());
        }
        int width = addressSlot.size() * TYPES.size();
        s.answers().forEach((q, answer) -> {
            int type = TYPES.indexOf(q.type());
            if (type >= 0) {
                byName.computeIfAbsent(q.name(), n -> new Answer[width])[slot(addressSlot.get(q.address()), type)] = answer;
            }
        });
    }

    static RecordAnswers of(Snapshot s) {
        return new RecordAnswers(s);
    }

    /** The answers to one record name, for {@link #answer}; an empty array when none was asked. */
    Answer[] of(String normalName) {
        return byName.getOrDefault(normalName, NONE);
    }

    /** {@code s.answer(name, type, address)} of the snapshot, from {@code of(name)}. */
    Answer answer(Answer[] ofName, String type, String address) {
        Integer a = addressSlot.get(address);
        int t = TYPES.indexOf(type);
        if (a == null || t < 0 || ofName.length == 0) {
            return null;
        }
        return ofName[slot(a, t)];
    }

    private static int slot(int address, int type) {
        return address * TYPES.size() + type;
    }
}
