package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.FindingsAssert.assertFindings;
import static dev.dkimagent.rules.catalogue.TestWorld.NS1;
import static dev.dkimagent.rules.catalogue.TestWorld.NS2;
import static dev.dkimagent.rules.catalogue.TestWorld.NS3;
import static dev.dkimagent.rules.catalogue.TestWorld.NS_SET;
import static dev.dkimagent.rules.catalogue.TestWorld.SELECTORS;
import static dev.dkimagent.rules.catalogue.TestWorld.SERVERS;
import static dev.dkimagent.rules.catalogue.TestWorld.authority;
import static dev.dkimagent.rules.catalogue.TestWorld.notAuthoritative;
import static dev.dkimagent.rules.catalogue.TestWorld.nxdomain;
import static dev.dkimagent.rules.catalogue.TestWorld.rcode;
import static dev.dkimagent.rules.catalogue.TestWorld.soaRr;
import static dev.dkimagent.rules.catalogue.TestWorld.timeout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ZoneView;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NS01 (reachable, zone found), NS02 (authoritative) and NS03 (delegation). */
class NsRulesTest {

    @Test
    void evaluate_serverTimesOut_emitsOnlyNsUnreachableNotRecordFindings() {
        TestWorld w = TestWorld.healthy().soa(NS3, timeout());
        for (String s : SELECTORS) {
            w.answer(s, "CNAME", NS3, timeout()).answer(s, "TXT", NS3, nxdomain(authority(300, 3600)));
        }

        Finding f = assertFindings(w.evaluate()).exactly("NS01.NS_UNREACHABLE@-@127.0.0.13")
                .the("NS01.NS_UNREACHABLE@-@127.0.0.13");

        assertThat(f.subject().identity()).isNull();
        assertThat(f.subject().zone()).isEqualTo("a.test");
        assertThat(f.subject().nameserver()).isEqualTo("ns3.a.test");
        assertThat(f.args()).containsEntry("reason", "timeout after 3 attempts")
                .containsEntry("dig", "dig +norecurse @ns3.a.test SOA a.test");
    }

    @Test
    void evaluate_unreachableServerWhoseRecordsLookMissing_isNotRecordMissing() {
        TestWorld w = TestWorld.healthy().soa(NS2, Answer.failed(dev.dkimagent.rules.model.Transport.NETWORK_ERROR, null))
                .answer("t1", "CNAME", NS2, nxdomain(authority(300, 3600)));

        Finding f = assertFindings(w.evaluate()).exactly("NS01.NS_UNREACHABLE@-@127.0.0.12")
                .the("NS01.NS_UNREACHABLE@-@127.0.0.12");

        assertThat(f.args()).containsEntry("reason", "network error");
    }

    @Test
    void evaluate_recordQueryTimesOutOnHealthyServer_emitsNsUnreachableForThatRecord() {
        TestWorld w = TestWorld.healthy().answer("t2", "CNAME", NS1, timeout());

        Finding f = assertFindings(w.evaluate()).exactly("NS01.NS_UNREACHABLE@t2@127.0.0.11")
                .the("NS01.NS_UNREACHABLE@t2@127.0.0.11");

        assertThat(f.subject().identity()).isEqualTo("a.test");
        assertThat(f.args()).containsEntry("query", "CNAME t2._domainkey.a.test");
    }

    @ParameterizedTest(name = "rcode {0} -> {1}")
    @CsvSource({"5, REFUSED", "2, SERVFAIL", "1, FORMERR"})
    void evaluate_soaErrorRcode_emitsNotAuthoritativeWithReason(int rcode, String reason) {
        TestWorld w = TestWorld.healthy().soa(NS2, rcode(rcode));

        Finding f = assertFindings(w.evaluate()).exactly("NS02.NS_NOT_AUTHORITATIVE@-@127.0.0.12")
                .the("NS02.NS_NOT_AUTHORITATIVE@-@127.0.0.12");

        assertThat(f.args()).containsEntry("reason", reason);
    }

    @Test
    void evaluate_soaWithoutAa_emitsNotAuthoritativeAndSkipsTheServer() {
        TestWorld w = TestWorld.healthy().soa(NS1, notAuthoritative(soaRr(1, 300, 3600)));

        Finding f = assertFindings(w.evaluate()).exactly("NS02.NS_NOT_AUTHORITATIVE@-@127.0.0.11")
                .the("NS02.NS_NOT_AUTHORITATIVE@-@127.0.0.11");

        assertThat(f.args()).containsEntry("reason", "AA=0 (not authoritative)");
    }

    @Test
    void evaluate_recordQueryRefusedOnHealthyServer_emitsNotAuthoritativeForThatRecord() {
        TestWorld w = TestWorld.healthy().answer("t1", "TXT", NS1, rcode(Answer.REFUSED));

        Finding f = assertFindings(w.evaluate()).exactly("NS02.NS_NOT_AUTHORITATIVE@t1@127.0.0.11")
                .the("NS02.NS_NOT_AUTHORITATIVE@t1@127.0.0.11");

        assertThat(f.args()).containsEntry("query", "TXT t1._domainkey.a.test").containsEntry("reason", "REFUSED");
    }

    @Test
    void evaluate_zoneDiscoveryFailed_emitsZoneUnresolvedPerIdentity() {
        TestWorld w = TestWorld.healthy().zone(ZoneView.failed("a.test", "no SOA for a.test (SERVFAIL from resolver)"));

        Finding f = assertFindings(w.evaluate()).exactly("NS01.ZONE_UNRESOLVED@-@-").the("NS01.ZONE_UNRESOLVED@-@-");

        assertThat(f.subject().identity()).isEqualTo("a.test");
        assertThat(f.args()).containsEntry("reason", "no SOA for a.test (SERVFAIL from resolver)")
                .containsEntry("dig", "dig SOA a.test");
    }

    @Test
    void evaluate_recordWithoutZone_emitsZoneUnresolvedForThatRecord() {
        TestWorld w = TestWorld.healthy().forgetZoneOf("t3");

        Finding f = assertFindings(w.evaluate()).exactly("NS01.ZONE_UNRESOLVED@t3@-").the("NS01.ZONE_UNRESOLVED@t3@-");

        assertThat(f.args()).containsEntry("name", "t3._domainkey.a.test");
    }

    @Test
    void evaluate_zoneWithoutServers_emitsZoneUnresolved() {
        TestWorld w = TestWorld.healthy().zone(new ZoneView("a.test", java.util.List.of(), NS_SET, NS_SET, false, null));

        assertFindings(w.evaluate()).exactly("NS01.ZONE_UNRESOLVED@-@-");
    }

    @Test
    void evaluate_parentDelegatesToOtherServers_emitsDelegationMismatch() {
        TestWorld w = TestWorld.healthy().zone(new ZoneView("a.test", SERVERS, NS_SET,
                Set.of("ns1.a.test", "ns2.a.test", "old.dns.test"), false, null));

        Finding f = assertFindings(w.evaluate()).exactly("NS03.DELEGATION_MISMATCH@-@-").the("NS03.DELEGATION_MISMATCH@-@-");

        assertThat(f.args()).containsEntry("onlyParent", "old.dns.test").containsEntry("onlyChild", "ns3.a.test")
                .containsEntry("parent", "ns1.a.test, ns2.a.test, old.dns.test")
                .containsEntry("child", "ns1.a.test, ns2.a.test, ns3.a.test");
    }

    @Test
    void evaluate_parentNsUnknown_emitsNoDelegationFinding() {
        TestWorld w = TestWorld.healthy().zone(new ZoneView("a.test", SERVERS, NS_SET, Set.of(), false, null));

        assertFindings(w.evaluate()).none();
    }
}
