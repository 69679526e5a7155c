package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.FindingsAssert.assertFindings;
import static dev.dkimagent.rules.catalogue.TestWorld.NS2;
import static dev.dkimagent.rules.catalogue.TestWorld.NS3;
import static dev.dkimagent.rules.catalogue.TestWorld.authority;
import static dev.dkimagent.rules.catalogue.TestWorld.cname;
import static dev.dkimagent.rules.catalogue.TestWorld.name;
import static dev.dkimagent.rules.catalogue.TestWorld.nxdomain;
import static dev.dkimagent.rules.catalogue.TestWorld.reply;
import static dev.dkimagent.rules.catalogue.TestWorld.txt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.RuleSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DKIM02 (servers agree), DKIM03 (TTLs) and DKIM04 (CNAME alone). */
class Dkim02To04Test {

    @Test
    void evaluate_oneServerServesNothing_isDkim01sFindingOnly() {
        TestWorld w = TestWorld.healthy().answer("t2", "CNAME", NS3, nxdomain(authority(300, 3600)));

        assertFindings(w.evaluate()).exactly("DKIM01.RECORD_MISSING@t2@127.0.0.13");
    }

    @Test
    void evaluate_anyKeyExpectedAndServersServeDifferentKeys_listsTheVariantsOnce() {
        String key = TestKeys.record(TestKeys.RSA_2048);
        String next = TestKeys.record(TestKeys.RSA_2048_NEXT);
        TestWorld w = TestWorld.healthyTxt("", key).answer("s1", "TXT", NS3, reply(txt(name("s1"), next, 3600)));

        Finding f = assertFindings(w.evaluate()).exactly("DKIM02.NAMESERVERS_DISAGREE@s1@-")
                .the("DKIM02.NAMESERVERS_DISAGREE@s1@-");

        assertThat(f.subject().nameserver()).isNull();
        assertThat(f.args()).containsEntry("variants", "ns1.a.test (127.0.0.11), ns2.a.test (127.0.0.12): \"" + key
                + "\"; ns3.a.test (127.0.0.13): \"" + next + "\"");
        assertThat(f.args().get("dig")).isEqualTo("dig +norecurse @ns1.a.test TXT s1._domainkey.a.test; "
                + "dig +norecurse @ns3.a.test TXT s1._domainkey.a.test");
    }

    @Test
    void evaluate_sameKeyWrappedDifferently_isNoDisagreement() {
        String key = TestKeys.record(TestKeys.RSA_2048);
        TestWorld w = TestWorld.healthyTxt("", key).answer("s1", "TXT", NS3,
                reply(txt(name("s1"), key.replace("; ", ";"), 3600)));

        assertFindings(w.evaluate()).none();
    }

    @Test
    void evaluate_oneServerWithOtherTtl_emitsTtlInconsistentOnce() {
        TestWorld w = TestWorld.healthy().answer("t1", "CNAME", NS2, reply(cname(name("t1"), "t1.dkim.amazonses.com", 1800)));

        Finding f = assertFindings(w.evaluate()).exactly("DKIM03.TTL_INCONSISTENT@t1@-")
                .the("DKIM03.TTL_INCONSISTENT@t1@-");

        assertThat(f.args()).containsEntry("ttls",
                "ns1.a.test (127.0.0.11)=3600, ns2.a.test (127.0.0.12)=1800, ns3.a.test (127.0.0.13)=3600");
    }

    @Test
    void evaluate_ttlBelowMinimumEverywhere_emitsTtlTooLowPerServer() {
        TestWorld w = TestWorld.healthy().answerEverywhere("t3", "CNAME", reply(cname(name("t3"), "t3.dkim.amazonses.com", 60)));

        Finding f = assertFindings(w.evaluate()).exactly("DKIM03.TTL_TOO_LOW@t3@127.0.0.11",
                "DKIM03.TTL_TOO_LOW@t3@127.0.0.12", "DKIM03.TTL_TOO_LOW@t3@127.0.0.13")
                .the("DKIM03.TTL_TOO_LOW@t3@127.0.0.11");

        assertThat(f.args()).containsEntry("ttl", "60").containsEntry("min", "300");
    }

    @Test
    void evaluate_ttlAboveMaximumOnOneServer_emitsTooHighAndInconsistent() {
        TestWorld w = TestWorld.healthy().answer("t3", "CNAME", NS3, reply(cname(name("t3"), "t3.dkim.amazonses.com", 172800)));

        Finding f = assertFindings(w.evaluate())
                .exactly("DKIM03.TTL_TOO_HIGH@t3@127.0.0.13", "DKIM03.TTL_INCONSISTENT@t3@-")
                .the("DKIM03.TTL_TOO_HIGH@t3@127.0.0.13");

        assertThat(f.args()).containsEntry("ttl", "172800").containsEntry("max", "86400");
    }

    @ParameterizedTest
    @ValueSource(longs = {300, 86400})
    void evaluate_ttlExactlyOnABound_findsNothing(long ttl) {
        TestWorld w = TestWorld.healthy().answerEverywhere("t1", "CNAME", reply(cname(name("t1"), "t1.dkim.amazonses.com", ttl)));

        assertFindings(w.evaluate()).none();
    }

    @Test
    void evaluate_configuredBoundsAreUsed() {
        TestWorld w = TestWorld.healthy()
                .settings(new RuleSettings(Duration.ofHours(2), Duration.ofDays(1), 0, Duration.ofHours(1)));

        assertFindings(w.evaluate()).exactly(
                "DKIM03.TTL_TOO_LOW@t1@127.0.0.11", "DKIM03.TTL_TOO_LOW@t1@127.0.0.12", "DKIM03.TTL_TOO_LOW@t1@127.0.0.13",
                "DKIM03.TTL_TOO_LOW@t2@127.0.0.11", "DKIM03.TTL_TOO_LOW@t2@127.0.0.12", "DKIM03.TTL_TOO_LOW@t2@127.0.0.13",
                "DKIM03.TTL_TOO_LOW@t3@127.0.0.11", "DKIM03.TTL_TOO_LOW@t3@127.0.0.12", "DKIM03.TTL_TOO_LOW@t3@127.0.0.13");
    }

    @Test
    void evaluate_txtBesideCnameOnOneServer_emitsCnameAndOtherData() {
        TestWorld w = TestWorld.healthy().answer("t1", "TXT", NS2,
                reply(cname(name("t1"), "t1.dkim.amazonses.com", 3600), txt(name("t1"), "v=spf1 -all", 3600)));

        Finding f = assertFindings(w.evaluate()).exactly("DKIM04.CNAME_AND_OTHER_DATA@t1@127.0.0.12")
                .the("DKIM04.CNAME_AND_OTHER_DATA@t1@127.0.0.12");

        assertThat(f.args()).containsEntry("other", "TXT")
                .containsEntry("dig", "dig +norecurse @ns2.a.test TXT t1._domainkey.a.test");
    }

    @Test
    void evaluate_wrongTargetWithOtherData_isDkim01sFindingOnly() {
        TestWorld w = TestWorld.healthy().answer("t1", "TXT", NS2,
                reply(cname(name("t1"), "x.example", 3600), txt(name("t1"), "v=spf1 -all", 3600)))
                .answer("t1", "CNAME", NS2, reply(cname(name("t1"), "x.example", 3600)));

        assertFindings(w.evaluate()).exactly("DKIM01.RECORD_WRONG_TARGET@t1@127.0.0.12");
    }

    @Test
    void evaluate_txtOwnedByTheCnameTarget_isNotOtherData() {
        TestWorld w = TestWorld.healthy().answer("t1", "TXT", NS2, reply(cname(name("t1"), "t1.dkim.amazonses.com", 3600),
                txt("t1.dkim.amazonses.com", TestKeys.record(TestKeys.RSA_2048), 3600)));

        assertFindings(w.evaluate()).none();
    }
}
