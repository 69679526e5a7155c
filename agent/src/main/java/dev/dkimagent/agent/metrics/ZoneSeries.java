package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Gauge families published per zone: publishing a zone replaces that zone's series, retaining a
 * set of zones removes the series of every other zone. A scrape sees the parts merged, sorted as
 * one family each; the merge is redone only after something changed.
 */
final class ZoneSeries extends Collector implements Collector.Describable {
    private final Supplier<List<GaugeTable>> emptyTables;
    private final ConcurrentMap<String, List<GaugeTable>> parts = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private volatile Merged merged;

    private record Merged(long version, List<MetricFamilySamples> families) {
    }

    /** @param emptyTables fresh empty tables of every family, in exposition order */
    ZoneSeries(Supplier<List<GaugeTable>> emptyTables) {
        this.emptyTables = emptyTables;
    }

    /** Replaces the zone's series with these tables (one per family, in family order). */
    void put(String zone, List<GaugeTable> tables) {
        parts.put(zone, List.copyOf(tables));
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
        long now = version.get();
        Merged last = merged;
        if (last != null && last.version() == now) {
            return last.families();
        }
        List<MetricFamilySamples> families = merge();
        merged = new Merged(now, families);
        return families;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return emptyTables.get().stream().map(GaugeTable::family).toList();
    }

    private List<MetricFamilySamples> merge() {
        List<GaugeTable> tables = emptyTables.get();
        for (List<GaugeTable> part : new TreeMap<>(Map.copyOf(parts)).values()) {
            for (int i = 0; i < tables.size(); i++) {
                tables.get(i).absorb(part.get(i));
            }
        }
        List<MetricFamilySamples> families = new ArrayList<>();
        tables.forEach(t -> families.add(t.family()));
        return List.copyOf(families);
    }
}
