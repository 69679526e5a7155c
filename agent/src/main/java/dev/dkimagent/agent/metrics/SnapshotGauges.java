package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.LabelValues.name;
import static dev.dkimagent.agent.metrics.MetricNames.*;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import io.prometheus.client.Collector.MetricFamilySamples;
import java.util.List;
import java.util.Optional;

/** The gauges one DNS snapshot (one zone's, or all) yields: per record x server, per zone, per zone x server. */
final class SnapshotGauges {
    private final GaugeTable recordOk = new GaugeTable(RECORD_OK,
            "1 when the nameserver address serves the expected DKIM record authoritatively, else 0.",
            IDENTITY, SELECTOR, NAMESERVER, ADDRESS);
    private final GaugeTable recordTtl = new GaugeTable(RECORD_TTL,
            "TTL of the DKIM record as the nameserver address serves it.",
            IDENTITY, SELECTOR, NAMESERVER, ADDRESS);
    private final GaugeTable zoneDiscovered = new GaugeTable(ZONE_DISCOVERED,
            "1 when discovery found the zone's SOA and nameservers, else 0.", ZONE);
    private final GaugeTable nameserverUp = new GaugeTable(NAMESERVER_UP,
            "1 when the nameserver address answered the zone's SOA query authoritatively, else 0.",
            ZONE, NAMESERVER, ADDRESS);
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

    static List<MetricFamilySamples> of(Snapshot snapshot) {
        return tables(snapshot).stream().map(GaugeTable::family).toList();
    }

    /** The rows of every family, in family order. */
    static List<GaugeTable> tables(Snapshot snapshot) {
        SnapshotGauges gauges = new SnapshotGauges();
        snapshot.identities().forEach(identity -> gauges.addRecords(snapshot, identity));
        snapshot.zones().values().forEach(zone -> gauges.addZone(snapshot, zone));
        return gauges.tables();
    }

    private void addRecords(Snapshot snapshot, Identity identity) {
        for (ExpectedRecord record : identity.records()) {
            snapshot.zoneOf(record.name()).ifPresent(zone -> {
                for (Nameserver server : zone.servers()) {
                    addRecord(snapshot, identity, record, server);
                }
            });
        }
    }

    private void addRecord(Snapshot snapshot, Identity identity, ExpectedRecord record, Nameserver server) {
        Optional<Answer> answer = snapshot.answer(record.name(), record.type().name(), server.address());
        ServedRecord served = ServedRecord.judge(record, answer);
        String[] labels = {name(identity.name()), name(record.selector()), name(server.host()),
            name(server.address())};
        recordOk.put(served.ok() ? 1 : 0, labels);
        served.ttl().ifPresent(ttl -> recordTtl.put(ttl, labels));
    }

    private void addZone(Snapshot snapshot, ZoneView zone) {
        zoneDiscovered.put(zone.discovered() ? 1 : 0, name(zone.apex()));
        for (Nameserver server : zone.servers()) {
            Optional<Answer> soa = snapshot.soa(zone, server);
            boolean up = SoaServed.up(soa);
            String[] labels = {name(zone.apex()), name(server.host()), name(server.address())};
            nameserverUp.put(up ? 1 : 0, labels);
            if (up) {
                SoaServed.serial(soa.get()).ifPresent(serial -> soaSerial.put(serial, labels));
            }
        }
    }

    private List<MetricFamilySamples> families() {
        return tables().stream().map(GaugeTable::family).toList();
    }

    private List<GaugeTable> tables() {
        return List.of(recordOk, recordTtl, zoneDiscovered, nameserverUp, soaSerial);
    }
}
