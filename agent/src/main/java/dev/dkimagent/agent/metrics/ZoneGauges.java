package dev.dkimagent.agent.metrics;

import dev.dkimagent.rules.matrix.Matrices;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * The record, zone and nameserver gauges and dkim_findings, published per zone: a zone's series
 * are replaced when the zone is published again and removed when it leaves the inventory.
 */
final class ZoneGauges {
    private final ZoneSeries dns = new ZoneSeries(SnapshotGauges::emptyTables);
    private final ZoneSeries findings = new ZoneSeries(() -> List.of(FindingGauges.table(List.of())));
    private final ConcurrentMap<String, Set<String>> addresses = new ConcurrentHashMap<>();

    ZoneSeries dnsCollector() {
        return dns;
    }

    ZoneSeries findingCollector() {
        return findings;
    }

    /** Replaces one zone's series (zone: its apex, or any key of a scope judged apart). */
    void publish(String zone, Map<String, ZoneMatrix> matrices, List<FiringFinding> firing) {
        put(zone, tablesOf(matrices, firing));
        addresses.put(zone, addressesOf(matrices));
    }

    /** A zone's tables: the DNS families in exposition order, then dkim_findings. */
    static List<GaugeTable> tablesOf(Map<String, ZoneMatrix> matrices, List<FiringFinding> firing) {
        List<GaugeTable> tables = new ArrayList<>(SnapshotGauges.tables(matrices));
        tables.add(FindingGauges.table(firing));
        return tables;
    }

    /** Empty tables of every family {@link #tablesOf} yields, in the same order. */
    static List<GaugeTable> emptyTables() {
        return tablesOf(Map.of(), List.of());
    }

    /** Replaces one zone's series with tables as {@link #tablesOf} yields them (read from another node). */
    void put(String zone, List<GaugeTable> tables) {
        int last = tables.size() - 1;
        dns.put(zone, tables.subList(0, last));
        findings.put(zone, List.of(tables.get(last)));
    }

    /** Replaces every zone's DNS series with this one snapshot. */
    void publishAll(Snapshot snapshot) {
        Map<String, ZoneMatrix> matrices = Matrices.of(snapshot);
        dns.replaceAll(SnapshotGauges.tables(matrices));
        addresses.clear();
        addresses.put("", addressesOf(matrices));
    }

    /** Replaces every zone's dkim_findings with this list. */
    void publishAllFiring(List<FiringFinding> firing) {
        findings.replaceAll(List.of(FindingGauges.table(firing)));
    }

    /** Drops the series of every zone not in {@code zones}. */
    void retain(Set<String> zones) {
        dns.retain(zones);
        findings.retain(zones);
        addresses.keySet().retainAll(zones);
    }

    /** The nameserver addresses (as label values) of every published zone. */
    Set<String> addresses() {
        Set<String> all = new HashSet<>();
        addresses.values().forEach(all::addAll);
        return all;
    }

    private static Set<String> addressesOf(Map<String, ZoneMatrix> matrices) {
        return matrices.values().stream()
                .flatMap(zone -> zone.view().servers().stream())
                .map(server -> LabelValues.name(server.address()))
                .collect(Collectors.toSet());
    }
}
