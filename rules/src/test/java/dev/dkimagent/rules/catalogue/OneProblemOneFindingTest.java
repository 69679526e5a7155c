package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.FindingsAssert.assertFindings;
import static dev.dkimagent.rules.catalogue.TestWorld.NS2;
import static dev.dkimagent.rules.catalogue.TestWorld.NS3;
import static dev.dkimagent.rules.catalogue.TestWorld.SELECTORS;
import static dev.dkimagent.rules.catalogue.TestWorld.authority;
import static dev.dkimagent.rules.catalogue.TestWorld.cname;
import static dev.dkimagent.rules.catalogue.TestWorld.name;
import static dev.dkimagent.rules.catalogue.TestWorld.nxdomain;
import static dev.dkimagent.rules.catalogue.TestWorld.reply;
import static dev.dkimagent.rules.catalogue.TestWorld.target;
import static dev.dkimagent.rules.catalogue.TestWorld.txt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.ZoneView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One problem, one finding, one fix a person can act on (as a new user tries it). */
class OneProblemOneFindingTest {
    private static final String SENDGRID = "s1.domainkey.u1.wl.sendgrid.net";

    @Test
    void evaluate_recordMissingOnOneServer_isOneFindingForThatCell() {
        TestWorld w = TestWorld.healthy().answer("t2", "CNAME", NS3, nxdomain(authority(300, 3600)));

        assertFindings(w.evaluate()).exactly("DKIM01.RECORD_MISSING@t2@127.0.0.13");
    }

    @Test
    void evaluate_zoneDoesNotResolve_givesItsZoneFindingAndNoKeyFindings() {
        TestWorld w = TestWorld.healthy().zone(ZoneView.failed(TestWorld.ZONE, "the resolvers answered NXDOMAIN"));
        SELECTORS.forEach(s -> w.key(target(s), nxdomain(null)));

        assertFindings(w.evaluate()).exactly("NS01.ZONE_UNRESOLVED@-@-");
    }

    @Test
    void evaluate_sendGridRecordWrongAndMissingAndItsKeyGone_noFixMentionsAmazonSes() {
        TestWorld w = sendGrid()
                .answer("s1", "CNAME", NS2, reply(cname(name("s1"), "s1.domainkey.u2.wl.sendgrid.net", 3600)))
                .answer("s1", "CNAME", NS3, nxdomain(authority(300, 3600)))
                .key(SENDGRID, nxdomain(null));

        List<Verdict> verdicts = w.evaluate();

        assertFindings(verdicts).exactly("DKIM01.RECORD_WRONG_TARGET@s1@127.0.0.12", "DKIM01.RECORD_MISSING@s1@127.0.0.13",
                "DKIM05.KEY_MISSING@s1@-");
        for (Verdict v : verdicts) {
            assertThat(v.message() + " " + v.remediation()).as(v.finding().code()).doesNotContain("Amazon", "SES", "token");
            assertThat(v.finding().args()).containsEntry("provider", "other-cname");
        }
        assertThat(assertFindings(verdicts).the("DKIM01.RECORD_WRONG_TARGET@s1@127.0.0.12").args())
                .containsEntry("hint", "another target");
        assertThat(verdicts).filteredOn(v -> v.finding().tag().equals("KEY_MISSING")).first()
                .extracting(Verdict::remediation).asString().contains("Your DKIM provider publishes this key");
    }

    @Test
    void evaluate_easyDkimKeyMissing_fixDoesNotAskToPublishUnderAmazonses() {
        TestWorld w = TestWorld.healthy().key(target("t1"), nxdomain(null));

        Verdict v = only(w.evaluate());

        assertThat(v.finding().code()).isEqualTo("DKIM05.KEY_MISSING");
        assertThat(v.remediation()).startsWith("Amazon SES publishes this key, not you")
                .doesNotContain("Publish \"v=DKIM1");
    }

    @Test
    void evaluate_byodkimRecordMissing_fixSaysToPublishTheKeyGivenToSes() {
        TestWorld w = TestWorld.healthyTxt("", TestKeys.record(TestKeys.RSA_2048));
        w.identity(new Identity("a.test", "ses:prod/eu-west-1",
                List.of(new ExpectedRecord("s1", name("s1"), RecordType.TXT, ""))));
        w.answer("s1", "TXT", NS3, nxdomain(authority(300, 3600)));

        List<Verdict> verdicts = w.evaluate().stream().filter(v -> "byodkim".equals(v.finding().args().get("provider"))).toList();

        assertThat(verdicts).hasSize(1);
        assertThat(verdicts.get(0).remediation()).contains("the key pair you gave Amazon SES for a.test");
    }

    @Test
    void evaluate_txtKeyRecordMissing_fixNamesTheSelectorsKeyWithoutSes() {
        TestWorld w = TestWorld.healthyTxt("", TestKeys.record(TestKeys.RSA_2048))
                .answer("s1", "TXT", NS3, nxdomain(authority(300, 3600)));

        Verdict v = only(w.evaluate());

        assertThat(v.remediation()).startsWith("Publish the public key of selector s1").doesNotContain("SES");
    }

    @Test
    void evaluate_everyFinding_fixNeverRepeatsItsDigCommand() {
        TestWorld w = TestWorld.healthy().answer("t2", "CNAME", NS3, nxdomain(authority(300, 3600)))
                .key(target("t1"), reply(txt(target("t1"), "v=DKIM1; p=", 300)));

        for (Verdict v : w.evaluate()) {
            assertThat(v.remediation()).as(v.finding().code()).doesNotContain(v.finding().args().get("dig"))
                    .doesNotContain("dig +");
        }
    }

    private static TestWorld sendGrid() {
        TestWorld sendGrid = new TestWorld();
        sendGrid.zone(new ZoneView(TestWorld.ZONE, TestWorld.SERVERS, TestWorld.NS_SET, TestWorld.NS_SET, false, null));
        sendGrid.identity(new Identity("a.test", "config",
                List.of(new ExpectedRecord("s1", name("s1"), RecordType.CNAME, SENDGRID))));
        for (var ns : TestWorld.SERVERS) {
            sendGrid.soa(ns, reply(TestWorld.soaRr(TestWorld.SERIAL, TestWorld.SOA_MINIMUM, TestWorld.TTL)));
            sendGrid.answer("s1", "CNAME", ns, reply(cname(name("s1"), SENDGRID, 3600)));
            sendGrid.answer("s1", "TXT", ns, reply(cname(name("s1"), SENDGRID, 3600)));
        }
        return sendGrid.key(SENDGRID, reply(txt(SENDGRID, TestKeys.record(TestKeys.RSA_2048), 300)));
    }

    private static Verdict only(List<Verdict> verdicts) {
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }
}
