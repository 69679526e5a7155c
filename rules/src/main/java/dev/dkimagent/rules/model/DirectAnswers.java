package dev.dkimagent.rules.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A snapshot's direct answers, grouped by record name as they arrive: a record's cells read their
 * answers from one {@link NameAnswers} instead of hashing a {@link Query} per answer. Immutable; as
 * a {@code Map<Query, Answer>} it is what {@code Map.copyOf} of the same answers would be.
 *
 * <p>A probe fills a {@link Collector} from its DNS threads and seals it once every reply is in:
 * sealing hands the collector's map over without a copy (judging 10,000 identities reads 90,000
 * answers, and copying them cost the DNS thread as much as judging them).
 */
public final class DirectAnswers extends AbstractMap<Query, Answer> {
    private static final DirectAnswers EMPTY = new DirectAnswers(Map.of(), 0);

    /** Per normalised name; never changed once this object exists. */
    private final Map<String, NameAnswers> byName;
    private final int size;
    private Set<Entry<Query, Answer>> entries;

    private DirectAnswers(Map<String, NameAnswers> byName, int size) {
        this.byName = byName;
        this.size = size;
    }

    /** {@code answers} itself when it is already grouped, else a grouped copy (no null keys or values). */
    public static DirectAnswers of(Map<Query, Answer> answers) {
        if (answers instanceof DirectAnswers grouped) {
            return grouped;
        }
        if (answers.isEmpty()) {
            return EMPTY;
        }
        Collector c = new Collector();
        answers.forEach(c::put);
        return c.seal();
    }

    /** The answers to one normalised record name; {@link NameAnswers#NONE} when nothing was asked of it. */
    public NameAnswers ofName(String normalName) {
        NameAnswers found = byName.get(normalName);
        return found == null ? NameAnswers.NONE : found;
    }

    @Override
    public Answer get(Object key) {
        return key instanceof Query q ? ofName(q.name()).get(q.type(), q.address()) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<Query, Answer>> entrySet() {
        if (entries == null) {
            entries = new EntrySet();
        }
        return entries;
    }

    /**
     * Collects answers from any thread ({@code put} is thread-safe). Every {@code put} must
     * happen-before {@link #seal}; a {@code put} after it fails, so the sealed answers never change.
     */
    public static final class Collector {
        private final ConcurrentHashMap<String, NameAnswers> byName;
        private final AtomicInteger size = new AtomicInteger();
        private volatile boolean sealed;

        public Collector() {
            this(16);
        }

        /** Sized for {@code names} record names at once: a large zone's map then never grows mid-sweep. */
        public Collector(int names) {
            byName = new ConcurrentHashMap<>(Math.max(16, names + 1)); // + the apex (its SOA)
        }

        public void put(Query q, Answer answer) {
            Objects.requireNonNull(answer, "answer");
            if (sealed) {
                throw new IllegalStateException("answers already handed over; late answer to " + q);
            }
            byName.compute(q.name(), (name, known) -> {
                NameAnswers before = known == null ? NameAnswers.NONE : known;
                NameAnswers after = before.with(q.type(), q.address(), answer);
                if (after.size() > before.size()) {
                    size.incrementAndGet();
                }
                return after;
            });
        }

        /** The answers collected, handed over without a copy; this collector takes no more. */
        public DirectAnswers seal() {
            sealed = true;
            return new DirectAnswers(byName, size.get());
        }
    }

    private final class EntrySet extends AbstractSet<Entry<Query, Answer>> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<Entry<Query, Answer>> iterator() {
            Iterator<Map.Entry<String, NameAnswers>> names = byName.entrySet().iterator();
            return new Iterator<>() {
                private Map.Entry<String, NameAnswers> name;
                private int next;

                @Override
                public boolean hasNext() {
                    while (name == null || next >= name.getValue().size()) {
                        if (!names.hasNext()) {
                            return false;
                        }
                        name = names.next();
                        next = 0;
                    }
                    return true;
                }

                @Override
                public Entry<Query, Answer> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    NameAnswers a = name.getValue();
                    int i = next++;
                    return new SimpleImmutableEntry<>(new Query(name.getKey(), a.type(i), a.address(i)), a.answer(i));
                }
            };
        }
    }
}
