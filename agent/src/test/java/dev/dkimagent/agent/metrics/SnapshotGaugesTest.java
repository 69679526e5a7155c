package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.Snapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotGaugesTest {

    /** The dkim_nameserver_up and dkim_zone_soa_serial samples when ns1 answers the SOA query with {@code soa}. */
    private static List<io.prometheus.client.Collector.MetricFamilySamples> withSoa(Answer soa) {
        Snapshot base = snapshot();
        Map<Query, Answer> answers = new HashMap<>(base.answers());
        if (soa == null) {
            answers.remove(new Query("example.com", "SOA", NS1.address()));
        } else {
            answers.put(new Query("example.com", "SOA", NS1.address()), soa);
        }
        return SnapshotGauges.of(new Snapshot(AT, base.identities(), base.zones(), base.zoneOfName(), answers, Map.of()));
    }

    private static double sample(List<io.prometheus.client.Collector.MetricFamilySamples> families, String family) {
        return families.stream().filter(f -> f.name.equals(family)).flatMap(f -> f.samples.stream())
                .filter(x -> x.labelValues.contains(NS1.address())).mapToDouble(x -> x.value).findFirst().orElse(-1);
    }

    @Test
    void nameserverUp_authoritativeNoerrorWithSoa_isUpWithItsSerial() {
        var families = withSoa(reply(true, new Rr("example.com", "SOA", 60, SOA_DATA)));
        assertThat(sample(families, MetricNames.NAMESERVER_UP)).isEqualTo(1.0);
        assertThat(sample(families, MetricNames.ZONE_SOA_SERIAL)).isEqualTo(2026112801.0);
    }

    @Test
    void nameserverUp_lameTimeoutNoSoaOrNotAsked_isDownWithoutSerial() {
        for (Answer soa : java.util.Arrays.asList(reply(false, new Rr("example.com", "SOA", 60, SOA_DATA)),
                Answer.failed(Transport.TIMEOUT, "x"), reply(true), null)) {
            var families = withSoa(soa);
            assertThat(sample(families, MetricNames.NAMESERVER_UP)).as(String.valueOf(soa)).isEqualTo(0.0);
            assertThat(sample(families, MetricNames.ZONE_SOA_SERIAL)).as(String.valueOf(soa)).isEqualTo(-1);
        }
    }

    @Test
    void soaSerial_presentationFormatWithParentheses_isTheThirdField() {
        var families = withSoa(reply(true, new Rr("example.com", "SOA", 60, "ns1. host. ( 4294967295 1 2 3 4 )")));
        assertThat(sample(families, MetricNames.ZONE_SOA_SERIAL)).isEqualTo(4294967295.0);
    }

    @Test
    void of_sameRecordTwiceFromTwoSources_yieldsOneSeries() {
        var twice = new dev.dkimagent.rules.model.Snapshot(AT, List.of(
                new dev.dkimagent.rules.model.Identity("example.com", "config", List.of(T1)),
                new dev.dkimagent.rules.model.Identity("example.com", "ses:default/us-east-1", List.of(T1))),
                snapshot().zones(), snapshot().zoneOfName(), snapshot().answers(), java.util.Map.of());
        assertThat(labels(SnapshotGauges.of(twice), MetricNames.RECORD_OK)).hasSize(1); // t1 on ns1
        assertThat(labels(SnapshotGauges.of(twice), MetricNames.RECORD_NOT_JUDGED)).hasSize(1); // t1 on ns2 (lame)
        assertThat(labels(SnapshotGauges.of(twice), MetricNames.IDENTITY_INFO)).hasSize(1);
    }

    /** ns2 is lame for the SOA: none of its cells is judged, so none has dkim_record_ok, each is "not judged". */
    @Test
    void of_serverNotHeard_exportsNotJudgedAndNoRecordOk() {
        var families = SnapshotGauges.of(snapshot());
        assertThat(samples(families, MetricNames.RECORD_NOT_JUDGED, NS2.address())).containsExactly(1.0, 1.0, 1.0);
        assertThat(labels(families, MetricNames.RECORD_NOT_JUDGED)).allSatisfy(l -> assertThat(l).endsWith("lame"));
        assertThat(samples(families, MetricNames.RECORD_OK, NS2.address())).isEmpty();
        assertThat(samples(families, MetricNames.RECORD_NOT_JUDGED, NS1.address())).isEmpty();
        assertThat(samples(families, MetricNames.RECORD_OK, NS1.address())).containsExactly(1.0, 1.0, 0.0);
    }

    @Test
    void identityInfo_zoneFound_namesItsApex() {
        var families = SnapshotGauges.of(snapshot());
        assertThat(labels(families, MetricNames.IDENTITY_INFO)).containsExactly(List.of("example.com", "example.com"));
    }

    /** An undiscovered zone's identity stands for its zone: the zone label matches dkim_zone_discovered's. */
    @Test
    void identityInfo_zoneNotFound_namesTheZoneItIsCheckedUnder() {
        var record = new dev.dkimagent.rules.model.ExpectedRecord("t1", "t1._domainkey.mail.broken.org",
                dev.dkimagent.rules.model.RecordType.CNAME, "t1.dkim.amazonses.com");
        Snapshot lost = new Snapshot(AT, List.of(new dev.dkimagent.rules.model.Identity("mail.broken.org", "config",
                List.of(record))), Map.of("mail.broken.org", dev.dkimagent.rules.model.ZoneView.failed("mail.broken.org",
                "no SOA")), Map.of(record.name(), "mail.broken.org"), Map.of(), Map.of());
        var families = SnapshotGauges.of(lost);
        assertThat(labels(families, MetricNames.IDENTITY_INFO)).containsExactly(List.of("mail.broken.org", "mail.broken.org"));
        assertThat(labels(families, MetricNames.ZONE_DISCOVERED)).containsExactly(List.of("mail.broken.org"));
        assertThat(labels(families, MetricNames.RECORD_OK)).isEmpty();
        assertThat(labels(families, MetricNames.RECORD_NOT_JUDGED)).isEmpty();
    }

    private static List<Double> samples(List<io.prometheus.client.Collector.MetricFamilySamples> families, String family,
                                        String address) {
        return families.stream().filter(f -> f.name.equals(family)).flatMap(f -> f.samples.stream())
                .filter(x -> x.labelValues.contains(address)).map(x -> x.value).toList();
    }

    private static List<List<String>> labels(List<io.prometheus.client.Collector.MetricFamilySamples> families,
                                             String family) {
        return families.stream().filter(f -> f.name.equals(family)).flatMap(f -> f.samples.stream())
                .map(x -> x.labelValues).toList();
    }
}
