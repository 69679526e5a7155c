package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.FindingsAssert.assertFindings;
import static dev.dkimagent.rules.catalogue.TestWorld.NS3;
import static dev.dkimagent.rules.catalogue.TestWorld.a;
import static dev.dkimagent.rules.catalogue.TestWorld.authority;
import static dev.dkimagent.rules.catalogue.TestWorld.cname;
import static dev.dkimagent.rules.catalogue.TestWorld.name;
import static dev.dkimagent.rules.catalogue.TestWorld.nodata;
import static dev.dkimagent.rules.catalogue.TestWorld.nxdomain;
import static dev.dkimagent.rules.catalogue.TestWorld.reply;
import static dev.dkimagent.rules.catalogue.TestWorld.txt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.catalogue.dkim.Dkim01RecordPresence;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Dkim01RecordPresenceTest {

    @Test
    void evaluate_nxdomainOnOneServer_emitsRecordMissingWithNegativeTtlFromAuthoritySoa() {
        TestWorld w = TestWorld.healthy().answer("t2", "CNAME", NS3, nxdomain(authority(900, 600)));

        Finding f = assertFindings(w.evaluate())
                .exactly("DKIM01.RECORD_MISSING@t2@127.0.0.13")
                .the("DKIM01.RECORD_MISSING@t2@127.0.0.13");

        assertThat(f.subject().identity()).isEqualTo("a.test");
        assertThat(f.subject().nameserver()).isEqualTo("ns3.a.test");
        assertThat(f.args()).containsEntry("negativeTtl", "600").containsEntry("soaMinimum", "900")
                .containsEntry("soaTtl", "600").containsEntry("expected", "t2.dkim.amazonses.com")
                .containsEntry("type", "CNAME").containsEntry("name", "t2._domainkey.a.test")
                .containsEntry("dig", "dig +norecurse @ns3.a.test CNAME t2._domainkey.a.test");
    }

    @Test
    void evaluate_nodataWithoutAuthoritySoa_takesNegativeTtlFromTheServersZoneSoa() {
        TestWorld w = TestWorld.healthy().answer("t2", "CNAME", NS3, nodata(null)).answer("t2", "TXT", NS3, nodata(null));

        Finding f = assertFindings(w.evaluate())
                .exactly("DKIM01.RECORD_MISSING@t2@127.0.0.13")
                .the("DKIM01.RECORD_MISSING@t2@127.0.0.13");

        assertThat(f.args()).containsEntry("negativeTtl", "300").containsEntry("soaMinimum", "300")
                .containsEntry("soaTtl", "3600");
    }

    @Test
    void evaluate_missingWithNoSoaKnown_saysNegativeTtlUnknown() {
        TestWorld w = TestWorld.healthy().noSoa(NS3).answer("t2", "CNAME", NS3, nodata(null))
                .answer("t2", "TXT", NS3, nodata(null));

        Finding f = assertFindings(w.evaluate())
                .exactly("DKIM01.RECORD_MISSING@t2@127.0.0.13")
                .the("DKIM01.RECORD_MISSING@t2@127.0.0.13");

        assertThat(f.args()).containsEntry("negativeTtl", "unknown").containsEntry("soaMinimum", "unknown");
    }

    @Test
    void evaluate_flattenedToAEverywhere_emitsWrongTypeOnEachServer() {
        TestWorld w = TestWorld.healthy().answerEverywhere("t1", "CNAME", nodata(authority(300, 3600)))
                .answerEverywhere("t1", "TXT", nodata(authority(300, 3600)))
                .answerEverywhere("t1", "A", reply(a(name("t1"), "192.0.2.1")))
                .answerEverywhere("t1", "AAAA", nodata(authority(300, 3600)));

        Finding f = assertFindings(w.evaluate()).exactly("DKIM01.RECORD_WRONG_TYPE@t1@127.0.0.11",
                "DKIM01.RECORD_WRONG_TYPE@t1@127.0.0.12", "DKIM01.RECORD_WRONG_TYPE@t1@127.0.0.13")
                .the("DKIM01.RECORD_WRONG_TYPE@t1@127.0.0.13");

        assertThat(f.args()).containsEntry("found", "A")
                .containsEntry("dig", "dig +norecurse @ns3.a.test A t1._domainkey.a.test");
    }

    @Test
    void evaluate_aAndTxtInsteadOfCname_namesBothTypes() {
        TestWorld w = TestWorld.healthy().answer("t1", "CNAME", NS3, nodata(null))
                .answer("t1", "TXT", NS3, reply(txt(name("t1"), "hello", 300)))
                .answer("t1", "A", NS3, reply(a(name("t1"), "192.0.2.1")))
                .answer("t1", "AAAA", NS3, nodata(null));

        Finding f = assertFindings(w.evaluate())
                .exactly("DKIM01.RECORD_WRONG_TYPE@t1@127.0.0.13")
                .the("DKIM01.RECORD_WRONG_TYPE@t1@127.0.0.13");

        assertThat(f.args()).containsEntry("found", "A, TXT");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "t1.dkim.amazonses.com.a.test | the target lacks a trailing dot in the zone file, so the zone name was appended",
        "t1.dkim.eu-west-1.amazonses.com | another region's signing zone",
        "zz.dkim.amazonses.com | another token",
        "t1.example.net.x | another region's signing zone",
        "mail.example.net | another target"})
    void evaluate_cnameToOtherTarget_emitsWrongTargetWithHint(String actual, String hint) {
        TestWorld w = TestWorld.healthy().answerEverywhere("t1", "CNAME", reply(cname(name("t1"), actual, 3600)))
                .answerEverywhere("t1", "TXT", reply(cname(name("t1"), actual, 3600)));

        Finding f = assertFindings(w.evaluate()).exactly("DKIM01.RECORD_WRONG_TARGET@t1@127.0.0.11",
                "DKIM01.RECORD_WRONG_TARGET@t1@127.0.0.12", "DKIM01.RECORD_WRONG_TARGET@t1@127.0.0.13")
                .the("DKIM01.RECORD_WRONG_TARGET@t1@127.0.0.12");

        assertThat(f.args()).containsEntry("hint", hint).containsEntry("actual", actual)
                .containsEntry("expected", "t1.dkim.amazonses.com");
    }

    @Test
    void evaluate_oneNameExpectedByTwoIdentities_givesEachIdentityItsFinding() {
        TestWorld w = TestWorld.healthy()
                .identity(new Identity("mail.a.test", "ses:1/eu-west-1",
                        List.of(new ExpectedRecord("t2", name("t2"), RecordType.CNAME, "t2.dkim.amazonses.com"))))
                .answerEverywhere("t2", "CNAME", nxdomain(authority(300, 3600)));

        List<String> identities = w.evaluate().stream().map(v -> v.finding().subject().identity()).toList();

        assertThat(identities).containsExactlyInAnyOrder("a.test", "a.test", "a.test",
                "mail.a.test", "mail.a.test", "mail.a.test");
    }

    @Test
    void evaluate_txtRecordMissing_emitsRecordMissingWithAnyKeyExpected() {
        TestWorld w = TestWorld.healthyTxt("", TestKeys.record(TestKeys.RSA_2048))
                .answer("s1", "TXT", NS3, nxdomain(authority(300, 3600)));

        Finding f = assertFindings(w.evaluate())
                .exactly("DKIM01.RECORD_MISSING@s1@127.0.0.13")
                .the("DKIM01.RECORD_MISSING@s1@127.0.0.13");

        assertThat(f.args()).containsEntry("type", "TXT").containsEntry("expected", Rows.ANY_KEY);
    }

    @Test
    void evaluate_cnameWhereTxtExpected_emitsWrongType() {
        String key = TestKeys.record(TestKeys.RSA_2048);
        TestWorld w = TestWorld.healthyTxt(key, key)
                .answer("s1", "TXT", NS3, reply(cname(name("s1"), "s1.dkim.amazonses.com", 3600)));

        Finding f = assertFindings(w.evaluate())
                .exactly("DKIM01.RECORD_WRONG_TYPE@s1@127.0.0.13")
                .the("DKIM01.RECORD_WRONG_TYPE@s1@127.0.0.13");

        assertThat(f.args()).containsEntry("found", "CNAME");
    }

    @Test
    void evaluate_txtWithAnotherKeyThanConfigured_emitsWrongTarget() {
        String configured = TestKeys.record(TestKeys.RSA_2048);
        String other = "v=DKIM1; k=rsa; p=" + TestKeys.spki(TestKeys.RSA_2048).substring(0, 40);
        TestWorld w = TestWorld.healthyTxt(configured, configured)
                .answer("s1", "TXT", NS3, reply(txt(name("s1"), other, 3600)));

        Finding f = assertFindings(w.evaluate()).exactly("DKIM01.RECORD_WRONG_TARGET@s1@127.0.0.13", "DKIM05.KEY_MISSING@s1@-")
                .the("DKIM01.RECORD_WRONG_TARGET@s1@127.0.0.13");

        assertThat(f.args()).containsEntry("hint", Dkim01RecordPresence.OTHER_KEY_HINT);
    }

    @Test
    void evaluate_txtEqualToConfiguredApartFromWhitespace_findsNothing() {
        String served = TestKeys.record(TestKeys.RSA_2048);
        String configured = served.replace("; ", ";").replace("p=", "p= ");

        assertFindings(TestWorld.healthyTxt(configured, served).evaluate()).none();
    }
}
