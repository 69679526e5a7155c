package dev.dkimagent.rules.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A map filled from any thread and then sealed: after {@link Collector#seal} nothing can change it,
 * so a {@link Snapshot} keeps it without the copy it makes of any other map (a probe's 30,000 key
 * answers, copied on the DNS thread after the last reply, were part of a check's finish).
 */
public final class SealedMap<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> sealed;

    private SealedMap(Map<K, V> sealed) {
        this.sealed = sealed;
    }

    @Override
    public V get(Object key) {
        return sealed.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return sealed.containsKey(key);
    }

    @Override
    public int size() {
        return sealed.size();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return Collections.unmodifiableMap(sealed).entrySet();
    }

    /**
     * Collects entries from any thread ({@code put} is thread-safe; no null keys or values). Every
     * {@code put} must happen-before {@link #seal}; a {@code put} after it fails.
     */
    public static final class Collector<K, V> {
        private final ConcurrentHashMap<K, V> map;
        private volatile boolean sealed;

        public Collector() {
            this(16);
        }

        /** Sized for {@code entries}: a map filled during a sweep then never grows mid-sweep. */
        public Collector(int entries) {
            map = new ConcurrentHashMap<>(Math.max(16, entries));
        }

        public void put(K key, V value) {
            if (sealed) {
                throw new IllegalStateException("map already handed over; late entry for " + key);
            }
            map.put(key, Objects.requireNonNull(value, "value"));
        }

        /** The entries collected, handed over without a copy; this collector takes no more. */
        public SealedMap<K, V> seal() {
            sealed = true;
            return new SealedMap<>(map);
        }
    }
}
