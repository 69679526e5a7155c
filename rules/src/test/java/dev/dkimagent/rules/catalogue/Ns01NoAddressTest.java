package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.FindingsAssert.assertFindings;
import static dev.dkimagent.rules.catalogue.TestWorld.SERVERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.ZoneView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** NS01.NS_NO_ADDRESS: an NS host of the zone whose address lookup found nothing. */
class Ns01NoAddressTest {
    private static final Set<String> WITH_TYPO = Set.of("ns1.a.test", "ns2.a.test", "ns3.a.test", "nss.a.test");

    private static ZoneView zone(Map<String, String> unaddressed) {
        return new ZoneView("a.test", SERVERS, WITH_TYPO, WITH_TYPO, false, null, unaddressed);
    }

    @Test
    void evaluate_nsHostWithoutAddress_emitsNsNoAddressNamingHostReasonAndDig() {
        TestWorld w = TestWorld.healthy().zone(zone(Map.of("nss.a.test", "no A record")));

        List<Verdict> verdicts = w.evaluate();
        Finding f = assertFindings(verdicts).exactly("NS01.NS_NO_ADDRESS@-@-").the("NS01.NS_NO_ADDRESS@-@-");

        assertThat(f.subject().identity()).isNull();
        assertThat(f.subject().zone()).isEqualTo("a.test");
        assertThat(f.subject().nameserver()).isEqualTo("nss.a.test");
        assertThat(f.args()).containsEntry("reason", "no A record").containsEntry("dig", "dig A nss.a.test");
        assertThat(verdicts.get(0).message()).isEqualTo(
                "The NS set of a.test names nss.a.test, but it has no address (no A record): resolvers that pick it fail.");
        assertThat(verdicts.get(0).remediation()).contains("registrar").doesNotContain("dig A nss.a.test");
    }

    @Test
    void evaluate_twoHostsWithoutAddress_emitsOneFindingEach() {
        TestWorld w = TestWorld.healthy().zone(zone(Map.of(
                "nss.a.test", "no A record", "ns3.a.test", "A lookup timed out")));

        List<Verdict> verdicts = w.evaluate();

        assertFindings(verdicts).exactly("NS01.NS_NO_ADDRESS@-@-", "NS01.NS_NO_ADDRESS@-@-");
        assertThat(verdicts).extracting(v -> v.finding().subject().nameserver() + ": " + v.finding().args().get("reason"))
                .containsExactlyInAnyOrder("nss.a.test: no A record", "ns3.a.test: A lookup timed out");
    }

    @Test
    void evaluate_everyNsHostHasAnAddress_emitsNothing() {
        TestWorld w = TestWorld.healthy().zone(zone(Map.of()));

        assertFindings(w.evaluate()).none();
    }

    @Test
    void evaluate_zoneDiscoveryFailed_emitsOnlyZoneUnresolved() {
        TestWorld w = TestWorld.healthy().zone(ZoneView.failed("a.test",
                "no addresses found for the nameservers of a.test: ns1.a.test, ns2.a.test"));

        assertFindings(w.evaluate()).exactly("NS01.ZONE_UNRESOLVED@-@-");
    }
}
