package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Gauge families published per zone: publishing a zone replaces that zone's series, retaining a
 * set of zones removes the series of every other zone. Each zone's tables are frozen when it is
 * published ({@link FrozenTable}); a scrape sees the parts merged, sorted as one family each, by
 * a merge done while the lines are written ({@link MergedFamily}), so no merged copy is kept.
 */
final class ZoneSeries extends Collector implements Collector.Describable {
    private final List<GaugeTable> templates;
    private final ConcurrentMap<String, List<FrozenTable>> parts = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private volatile Ordered ordered;

    /** The parts in zone order (the first zone's value of a label set wins), as of a version. */
    private record Ordered(long version, List<List<FrozenTable>> parts) {
    }

    /** @param emptyTables fresh empty tables of every family, in exposition order */
    ZoneSeries(Supplier<List<GaugeTable>> emptyTables) {
        this.templates = List.copyOf(emptyTables.get());
    }

    /** Replaces the zone's series with these tables (one per family, in family order). */
    void put(String zone, List<GaugeTable> tables) {
        if (tables.size() != templates.size()) {
            throw new IllegalArgumentException("expected " + templates.size() + " tables, got " + tables.size());
        }
        parts.put(zone, FrozenTable.freeze(tables, new HashMap<>()));
        version.incrementAndGet();
    }

    /** Removes the series of every zone not in {@code zones}. */
    void retain(Set<String> zones) {
        if (parts.keySet().retainAll(zones)) {
            version.incrementAndGet();
        }
    }

    /** Replaces every zone's series with one part (a whole inventory published at once). */
    void replaceAll(List<GaugeTable> tables) {
        parts.clear();
        put("", tables);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<List<FrozenTable>> zones = ordered();
        List<MetricFamilySamples> families = new ArrayList<>(templates.size());
        for (int i = 0; i < templates.size(); i++) {
            int family = i;
            families.add(MergedFamily.of(templates.get(i), zones.stream().map(zone -> zone.get(family)).toList()));
        }
        return families;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return templates.stream().map(GaugeTable::family).toList();
    }

    private List<List<FrozenTable>> ordered() {
        long now = version.get();
        Ordered last = ordered;
        if (last != null && last.version() == now) {
            return last.parts();
        }
        List<List<FrozenTable>> zones = List.copyOf(new TreeMap<>(parts).values());
        ordered = new Ordered(now, zones);
        return zones;
    }
}
