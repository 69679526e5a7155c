package dev.dkimagent.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.AlertStatus;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JudgedScopeTest {
    private static final String ZONE = "a.test";
    private static final String NS3 = "127.0.0.13";
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final AlertState MISSING_ON_NS3 = firing("DKIM01", "RECORD_MISSING", "t2", NS3);

    @Test
    void test_serverAnsweredAndFindingGone_isJudged() {
        assertThat(new JudgedScope(snapshot(true), List.of(), Set.of()).test(MISSING_ON_NS3)).isTrue();
    }

    @Test
    void test_serverNowUnreachable_keepsTheFindingUnjudged() {
        Verdict down = new Verdict(new Finding("NS01", "NS_UNREACHABLE", Subject.server(ZONE, "ns3.a.test", NS3),
                Map.of()), Severity.ERROR, "m", "r");

        JudgedScope scope = new JudgedScope(snapshot(true), List.of(down), Set.of());

        assertThat(scope.test(MISSING_ON_NS3)).isFalse();
        assertThat(scope.test(firing("NS01", "NS_UNREACHABLE", null, NS3))).isTrue();
    }

    @Test
    void test_serverDroppedFromTheZonesAddresses_isNotJudged() {
        ZoneView withoutNs3 = new ZoneView(ZONE, List.of(new Nameserver("ns1.a.test", "127.0.0.11")),
                Set.of(), Set.of(), false, null);
        Snapshot snapshot = new Snapshot(NOW, List.of(identity()), Map.of(ZONE, withoutNs3),
                Map.of("t2._domainkey.a.test", ZONE), Map.of(), Map.of());

        assertThat(new JudgedScope(snapshot, List.of(), Set.of()).test(MISSING_ON_NS3)).isFalse();
    }

    @Test
    void test_zoneNotDiscovered_keepsRecordFindingsButJudgesZoneUnresolved() {
        JudgedScope scope = new JudgedScope(snapshot(false), List.of(), Set.of());

        assertThat(scope.test(MISSING_ON_NS3)).isFalse();
        assertThat(scope.test(firing("NS01", "ZONE_UNRESOLVED", null, null))).isTrue();
    }

    @Test
    void test_identityOutsideThisSweep_isNotJudged() {
        AlertState elsewhere = new AlertState("k", "other.test", AlertStatus.FIRING, 2, 0, NOW, NOW,
                line("DKIM01", "RECORD_MISSING", "t1", NS3, "other.test"));

        assertThat(new JudgedScope(snapshot(true), List.of(), Set.of()).test(elsewhere)).isFalse();
    }

    private static Snapshot snapshot(boolean discovered) {
        ZoneView zone = discovered
                ? new ZoneView(ZONE, List.of(new Nameserver("ns1.a.test", "127.0.0.11"), new Nameserver("ns3.a.test", NS3)),
                        Set.of(), Set.of(), false, null)
                : ZoneView.failed(ZONE, "no SOA");
        return new Snapshot(NOW, List.of(identity()), Map.of(ZONE, zone), Map.of("t2._domainkey.a.test", ZONE),
                Map.of(), Map.of());
    }

    private static Identity identity() {
        return new Identity(ZONE, "config",
                List.of(new ExpectedRecord("t2", "t2._domainkey.a.test", RecordType.CNAME, "t2.dkim.amazonses.com")));
    }

    private static AlertState firing(String rule, String tag, String selector, String address) {
        return new AlertState(rule + tag, ZONE, AlertStatus.FIRING, 2, 0, NOW, NOW, line(rule, tag, selector, address, ZONE));
    }

    private static AlertLine line(String rule, String tag, String selector, String address, String zone) {
        return new AlertLine(rule + tag, rule, tag, Severity.ERROR, zone, selector, address == null ? null : "ns3.a.test",
                address, "m", "r", null);
    }
}
