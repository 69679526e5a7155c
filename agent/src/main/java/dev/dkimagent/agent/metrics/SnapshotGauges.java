package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.LabelValues.name;
import static dev.dkimagent.agent.metrics.MetricNames.*;

import dev.dkimagent.rules.matrix.Matrices;
import dev.dkimagent.rules.matrix.RecordRow;
import dev.dkimagent.rules.matrix.ServerSoa;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Snapshot;
import io.prometheus.client.Collector.MetricFamilySamples;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gauges of judged zone matrices (one zone's, or all): per record x server, per identity, per
 * zone, per zone x server.
 */
final class SnapshotGauges {
    private final GaugeTable recordOk = new GaugeTable(RECORD_OK,
            "1 when the nameserver address serves the expected DKIM record authoritatively, 0 when it does not;"
                    + " no series while the record could not be judged there (see dkim_record_not_judged).",
            IDENTITY, SELECTOR, NAMESERVER, ADDRESS);
    private final GaugeTable recordNotJudged = new GaugeTable(RECORD_NOT_JUDGED,
            "1 while the record could not be judged on the nameserver address (reason: no_reply, lame, not_asked, catching_up);"
                    + " then it has no dkim_record_ok. No series when judged.",
            IDENTITY, SELECTOR, NAMESERVER, ADDRESS, REASON);
    private final GaugeTable recordTtl = new GaugeTable(RECORD_TTL,
            "TTL of the DKIM record as the nameserver address serves it.",
            IDENTITY, SELECTOR, NAMESERVER, ADDRESS);
    private final GaugeTable zoneDiscovered = new GaugeTable(ZONE_DISCOVERED,
            "1 when discovery found the zone's SOA and nameservers, else 0.", ZONE);
    private final GaugeTable nameserverUp = new GaugeTable(NAMESERVER_UP,
            "1 when the nameserver address answered the zone's SOA query authoritatively, else 0.",
            ZONE, NAMESERVER, ADDRESS);
    private final GaugeTable identityInfo = new GaugeTable(IDENTITY_INFO,
            "Always 1: the zone each identity's records are checked in (its domain while the zone is not found).",
            IDENTITY, ZONE);
    private final GaugeTable soaSerial = new GaugeTable(ZONE_SOA_SERIAL,
            "SOA serial of the zone as the nameserver address serves it.", ZONE, NAMESERVER, ADDRESS);

    /** The families with no rows: what is exposed before the first sweep. */
    static List<MetricFamilySamples> empty() {
        return new SnapshotGauges().families();
    }

    /** Fresh empty tables of every family, in family order. */
    static List<GaugeTable> emptyTables() {
        return new SnapshotGauges().tables();
    }

    /** The gauges of a snapshot, its matrices built here (prefer passing the judged ones). */
    static List<MetricFamilySamples> of(Snapshot snapshot) {
        return tables(Matrices.of(snapshot)).stream().map(GaugeTable::family).toList();
    }

    /** The rows of every family, in family order: every value read off a cell or a typed SOA. */
    static List<GaugeTable> tables(Map<String, ZoneMatrix> matrices) {
        SnapshotGauges gauges = new SnapshotGauges();
        matrices.values().forEach(gauges::addRecords);
        matrices.values().forEach(gauges::addZone);
        return gauges.tables();
    }

    /** Every NS name of an address gets the series of that address's cell. */
    private void addRecords(ZoneMatrix zone) {
        for (RecordRow row : zone.rows()) {
            identityInfo.put(1, name(row.identity().name()), name(zone.apex()));
            for (Nameserver server : zone.view().servers()) {
                row.cell(server.address()).ifPresent(cell -> addRecord(row, server, ServedRecord.of(cell)));
            }
        }
    }

    private void addRecord(RecordRow row, Nameserver server, ServedRecord served) {
        String[] labels = {name(row.identity().name()), name(row.selector()), name(server.host()),
            name(server.address())};
        if (served.judged()) {
            recordOk.put(served.ok() ? 1 : 0, labels);
        } else {
            recordNotJudged.put(1, labels[0], labels[1], labels[2], labels[3], LabelValues.lowerToken(
                    served.notJudged().orElseThrow()));
        }
        served.ttl().ifPresent(ttl -> recordTtl.put(ttl, labels));
    }

    private void addZone(ZoneMatrix zone) {
        zoneDiscovered.put(zone.view().discovered() ? 1 : 0, name(zone.apex()));
        for (Nameserver server : zone.view().servers()) {
            Optional<ServerSoa> soa = zone.soa(server.address());
            boolean up = soa.map(ServerSoa::up).orElse(false);
            String[] labels = {name(zone.apex()), name(server.host()), name(server.address())};
            nameserverUp.put(up ? 1 : 0, labels);
            soa.filter(ServerSoa::up).flatMap(ServerSoa::soa).ifPresent(x -> soaSerial.put(x.serial(), labels));
        }
    }

    private List<MetricFamilySamples> families() {
        return tables().stream().map(GaugeTable::family).toList();
    }

    private List<GaugeTable> tables() {
        return List.of(recordOk, recordNotJudged, recordTtl, identityInfo, zoneDiscovered, nameserverUp, soaSerial);
    }
}
