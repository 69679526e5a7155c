package dev.dkimagent.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.AlertStatus;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Was this judged?" for earlier findings, read off this sweep's cells. */
class JudgedScopeTest {
    private static final String ZONE = "a.test";
    private static final String NAME = "t2._domainkey.a.test";
    private static final Nameserver NS1 = new Nameserver("ns1.a.test", "127.0.0.11");
    private static final Nameserver NS3 = new Nameserver("ns3.a.test", "127.0.0.13");
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final AlertState MISSING_ON_NS3 = firing("DKIM01", "RECORD_MISSING", "t2", NS3.address());

    @Test
    void test_serverAnsweredAndFindingGone_isJudged() {
        assertThat(scope(snapshot(true, healthy())).test(MISSING_ON_NS3)).isTrue();
    }

    @Test
    void test_serverNowUnreachable_keepsTheFindingUnjudged() {
        JudgedScope scope = scope(snapshot(true, Answer.failed(Transport.TIMEOUT, "timeout after 2 attempts")));

        assertThat(scope.test(MISSING_ON_NS3)).isFalse();
        assertThat(scope.test(firing("NS01", "NS_UNREACHABLE", null, NS3.address()))).isTrue();
    }

    @Test
    void test_serverDroppedFromTheZonesAddresses_isNotJudged() {
        ZoneView withoutNs3 = new ZoneView(ZONE, List.of(NS1), Set.of(), Set.of(), false, null);
        Snapshot snapshot = new Snapshot(NOW, List.of(identity()), Map.of(ZONE, withoutNs3), Map.of(NAME, ZONE),
                answers(healthy()), Map.of());

        assertThat(scope(snapshot).test(MISSING_ON_NS3)).isFalse();
    }

    @Test
    void test_zoneNotDiscovered_keepsRecordFindingsButJudgesZoneUnresolved() {
        JudgedScope scope = scope(snapshot(false, healthy()));

        assertThat(scope.test(MISSING_ON_NS3)).isFalse();
        assertThat(scope.test(firing("NS01", "ZONE_UNRESOLVED", null, null))).isTrue();
    }

    @Test
    void test_identityOutsideThisSweep_isNotJudged() {
        AlertState elsewhere = new AlertState("k", "other.test", AlertStatus.FIRING, 2, 0, NOW, NOW,
                line("DKIM01", "RECORD_MISSING", "t1", NS3.address(), "other.test"));

        assertThat(scope(snapshot(true, healthy())).test(elsewhere)).isFalse();
    }

    private static JudgedScope scope(Snapshot snapshot) {
        RuleEngine engine = new RuleEngine(Catalogue.all(), Levels.defaults(), RuleSettings.defaults(), Messages.load());
        return new JudgedScope(snapshot, engine.judge(snapshot), Set.of());
    }

    /** Zone a.test on ns1 and ns3, both serving t2 and the SOA, ns3 answering {@code ns3Answer} to the CNAME query. */
    private static Snapshot snapshot(boolean discovered, Answer ns3Answer) {
        ZoneView zone = discovered
                ? new ZoneView(ZONE, List.of(NS1, NS3), Set.of(), Set.of(), false, null)
                : ZoneView.failed(ZONE, "no SOA");
        Map<Query, Answer> answers = answers(healthy());
        answers.put(new Query(NAME, "CNAME", NS3.address()), ns3Answer);
        answers.put(new Query(ZONE, "SOA", NS3.address()), soa());
        return new Snapshot(NOW, List.of(identity()), Map.of(ZONE, zone), Map.of(NAME, ZONE), answers, Map.of());
    }

    private static Map<Query, Answer> answers(Answer ns1Answer) {
        Map<Query, Answer> answers = new HashMap<>();
        answers.put(new Query(NAME, "CNAME", NS1.address()), ns1Answer);
        answers.put(new Query(ZONE, "SOA", NS1.address()), soa());
        return answers;
    }

    private static Answer healthy() {
        return new Answer(Transport.REPLY, Answer.NOERROR, true,
                List.of(new Rr(NAME, "CNAME", 3600, "t2.dkim.amazonses.com")), null, null, 1);
    }

    private static Answer soa() {
        return new Answer(Transport.REPLY, Answer.NOERROR, true,
                List.of(new Rr(ZONE, "SOA", 3600, "ns1.a.test. hostmaster.a.test. 1 3600 900 604800 300")), null, null, 1);
    }

    private static Identity identity() {
        return new Identity(ZONE, "config",
                List.of(new ExpectedRecord("t2", NAME, RecordType.CNAME, "t2.dkim.amazonses.com")));
    }

    private static AlertState firing(String rule, String tag, String selector, String address) {
        return new AlertState(rule + tag, ZONE, AlertStatus.FIRING, 2, 0, NOW, NOW, line(rule, tag, selector, address, ZONE));
    }

    private static AlertLine line(String rule, String tag, String selector, String address, String zone) {
        return new AlertLine(rule + tag, rule, tag, Severity.ERROR, zone, selector, address == null ? null : "ns3.a.test",
                address, "m", "r", null);
    }
}
