package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.FindingsAssert.assertFindings;
import static dev.dkimagent.rules.catalogue.TestWorld.NS1;
import static dev.dkimagent.rules.catalogue.TestWorld.NS2;
import static dev.dkimagent.rules.catalogue.TestWorld.NS3;
import static dev.dkimagent.rules.catalogue.TestWorld.SERIAL;
import static dev.dkimagent.rules.catalogue.TestWorld.reply;
import static dev.dkimagent.rules.catalogue.TestWorld.soaRr;
import static dev.dkimagent.rules.catalogue.TestWorld.timeout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.RuleSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SOA01 (serials in step) and SOA02 (negative TTL). */
class SoaRulesTest {

    private static TestWorld serials(long s1, long s2, long s3) {
        return TestWorld.healthy().soa(NS1, reply(soaRr(s1, 300, 3600))).soa(NS2, reply(soaRr(s2, 300, 3600)))
                .soa(NS3, reply(soaRr(s3, 300, 3600)));
    }

    @Test
    void evaluate_serialBehindOnOneServer_emitsMultipleSerials() {
        Finding f = assertFindings(serials(SERIAL, SERIAL, SERIAL - 1).evaluate())
                .exactly("SOA01.MULTIPLE_SOA_SERIALS@-@127.0.0.13").the("SOA01.MULTIPLE_SOA_SERIALS@-@127.0.0.13");

        assertThat(f.subject().identity()).isNull();
        assertThat(f.args()).containsEntry("serial", String.valueOf(SERIAL - 1))
                .containsEntry("newest", String.valueOf(SERIAL)).containsEntry("behind", "1");
    }

    @Test
    void evaluate_serialBehindWithinTolerance_findsNothing() {
        TestWorld w = serials(SERIAL, SERIAL, SERIAL - 2)
                .settings(new RuleSettings(Duration.ofMinutes(5), Duration.ofDays(1), 2, Duration.ofHours(1)));

        assertFindings(w.evaluate()).none();
    }

    @Test
    void evaluate_newestSerialWrappedPastZero_flagsTheServerBeforeTheWrap() {
        Finding f = assertFindings(serials(5, 5, 4294967290L).evaluate())
                .exactly("SOA01.MULTIPLE_SOA_SERIALS@-@127.0.0.13").the("SOA01.MULTIPLE_SOA_SERIALS@-@127.0.0.13");

        assertThat(f.args()).containsEntry("newest", "5").containsEntry("behind", "11");
    }

    @Test
    void evaluate_oneServerAheadAcrossTheWrap_flagsTheOthers() {
        assertFindings(serials(4294967290L, 4294967290L, 3).evaluate())
                .exactly("SOA01.MULTIPLE_SOA_SERIALS@-@127.0.0.11", "SOA01.MULTIPLE_SOA_SERIALS@-@127.0.0.12");
    }

    @Test
    void evaluate_unreachableServerWithOldSerial_isLeftOutOfTheComparison() {
        assertFindings(serials(SERIAL, SERIAL, SERIAL).soa(NS3, timeout()).evaluate())
                .exactly("NS01.NS_UNREACHABLE@-@127.0.0.13");
    }

    @Test
    void evaluate_soaMinimumAboveMaximum_emitsNegativeTtlHighOnce() {
        TestWorld w = TestWorld.healthy().soa(NS2, reply(soaRr(SERIAL, 7200, 3600)));

        Finding f = assertFindings(w.evaluate()).exactly("SOA02.NEGATIVE_TTL_HIGH@-@-").the("SOA02.NEGATIVE_TTL_HIGH@-@-");

        assertThat(f.args()).containsEntry("minimum", "7200").containsEntry("max", "3600")
                .containsEntry("dig", "dig +norecurse @ns2.a.test SOA a.test");
    }

    @Test
    void evaluate_soaMinimumEqualToMaximum_findsNothing() {
        assertFindings(TestWorld.healthy().soa(NS1, reply(soaRr(SERIAL, 3600, 3600))).evaluate()).none();
    }
}
