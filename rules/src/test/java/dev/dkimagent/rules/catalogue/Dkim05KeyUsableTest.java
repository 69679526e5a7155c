package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.FindingsAssert.assertFindings;
import static dev.dkimagent.rules.catalogue.TestWorld.authority;
import static dev.dkimagent.rules.catalogue.TestWorld.cname;
import static dev.dkimagent.rules.catalogue.TestWorld.nodata;
import static dev.dkimagent.rules.catalogue.TestWorld.nxdomain;
import static dev.dkimagent.rules.catalogue.TestWorld.rcode;
import static dev.dkimagent.rules.catalogue.TestWorld.reply;
import static dev.dkimagent.rules.catalogue.TestWorld.target;
import static dev.dkimagent.rules.catalogue.TestWorld.timeout;
import static dev.dkimagent.rules.catalogue.TestWorld.txt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Transport;
import org.junit.jupiter.api.Test;

class Dkim05KeyUsableTest {

    private static TestWorld withKey(String selector, String txtValue) {
        return TestWorld.healthy().key(target(selector), reply(txt(target(selector), txtValue, 300)));
    }

    @Test
    void evaluate_1024BitKey_emitsKeyWeakWithBits() {
        Finding f = assertFindings(withKey("t1", TestKeys.record(TestKeys.RSA_1024)).evaluate())
                .exactly("DKIM05.KEY_WEAK@t1@-").the("DKIM05.KEY_WEAK@t1@-");

        assertThat(f.subject().nameserver()).isNull();
        assertThat(f.args()).containsEntry("bits", "1024").containsEntry("target", "t1.dkim.amazonses.com")
                .containsEntry("dig", "dig TXT t1.dkim.amazonses.com");
    }

    @Test
    void evaluate_emptyP_emitsKeyRevoked() {
        assertFindings(withKey("t2", "v=DKIM1; k=rsa; p=").evaluate()).exactly("DKIM05.KEY_REVOKED@t2@-");
    }

    @Test
    void evaluate_targetNxdomain_emitsKeyMissing() {
        TestWorld w = TestWorld.healthy().key(target("t3"), nxdomain(authority(60, 60)));

        Finding f = assertFindings(w.evaluate()).exactly("DKIM05.KEY_MISSING@t3@-").the("DKIM05.KEY_MISSING@t3@-");

        assertThat(f.args().get("reason")).contains("NXDOMAIN");
    }

    @Test
    void evaluate_targetWithoutTxt_emitsKeyMissing() {
        assertFindings(TestWorld.healthy().key(target("t3"), nodata(null)).evaluate()).exactly("DKIM05.KEY_MISSING@t3@-");
    }

    @Test
    void evaluate_txtWithoutPTag_emitsKeyMissing() {
        assertFindings(withKey("t1", "v=spf1 -all").evaluate()).exactly("DKIM05.KEY_MISSING@t1@-");
    }

    @Test
    void evaluate_pThatIsNotAKey_emitsKeyMissingWithReason() {
        Finding f = assertFindings(withKey("t1", "v=DKIM1; p=bm90IGEga2V5").evaluate())
                .exactly("DKIM05.KEY_MISSING@t1@-").the("DKIM05.KEY_MISSING@t1@-");

        assertThat(f.args().get("reason")).contains("not an RSA public key");
    }

    @Test
    void evaluate_keySplitWithWhitespaceInP_isReadWhole() {
        String p = TestKeys.spki(TestKeys.RSA_2048);
        String split = "v=DKIM1; k=rsa; p=" + p.substring(0, 200) + " " + p.substring(200);

        assertFindings(withKey("t1", split).evaluate()).none();
    }

    @Test
    void evaluate_keyReachedThroughCnameChain_isJudged() {
        Answer chain = reply(cname(target("t1"), "k1.keys.amazonses.com", 300),
                txt("k1.keys.amazonses.com", TestKeys.record(TestKeys.RSA_1024), 300));

        assertFindings(TestWorld.healthy().key(target("t1"), chain).evaluate()).exactly("DKIM05.KEY_WEAK@t1@-");
    }

    @Test
    void evaluate_resolverFailure_isKeyNotReadWithTheReason_neverSilent() {
        TestWorld w = TestWorld.healthy().key(target("t1"), timeout()).key(target("t2"), rcode(Answer.SERVFAIL))
                .key(target("t3"), Answer.failed(Transport.MALFORMED, "compression loop"));

        FindingsAssert findings = assertFindings(w.evaluate())
                .exactly("DKIM05.KEY_NOT_READ@t1@-", "DKIM05.KEY_NOT_READ@t2@-", "DKIM05.KEY_NOT_READ@t3@-");

        assertThat(findings.the("DKIM05.KEY_NOT_READ@t1@-").args()).containsEntry("reason",
                "no resolver replied: timeout after 3 attempts").containsEntry("dig", "dig TXT t1.dkim.amazonses.com");
        assertThat(findings.the("DKIM05.KEY_NOT_READ@t2@-").args()).containsEntry("reason", "the resolvers answered SERVFAIL");
        assertThat(findings.the("DKIM05.KEY_NOT_READ@t3@-").args()).containsEntry("reason",
                "no resolver replied: malformed reply: compression loop");
    }

    @Test
    void evaluate_keyNotReadIsAnError_soTheIdentityIsNeverOk() {
        Verdict v = TestWorld.healthy().key(target("t1"), Answer.failed(Transport.MISMATCH, "id 7 instead of 8")).evaluate().get(0);

        assertThat(v.severity()).isEqualTo(Severity.ERROR);
        assertThat(v.message()).isEqualTo("The DKIM key at t1.dkim.amazonses.com for selector t1 of a.test could not be"
                + " read through the resolvers (no resolver replied: reply to another query (id or question mismatch):"
                + " id 7 instead of 8): it was not judged.");
    }

    @Test
    void evaluate_keyNotAsked_saysNothing() {
        TestWorld w = TestWorld.healthy();
        w.keyGone(target("t1"));

        assertFindings(w.evaluate()).none();
    }

    @Test
    void evaluate_servedTxtRecordWithWeakKey_emitsOneFindingNotOnePerServer() {
        String weak = TestKeys.record(TestKeys.RSA_1024);

        Finding f = assertFindings(TestWorld.healthyTxt("", weak).evaluate())
                .exactly("DKIM05.KEY_WEAK@s1@-").the("DKIM05.KEY_WEAK@s1@-");

        assertThat(f.args()).containsEntry("target", "s1._domainkey.a.test");
    }

    @Test
    void evaluate_servedTxtRecordRevoked_emitsKeyRevoked() {
        assertFindings(TestWorld.healthyTxt("", "v=DKIM1; p=").evaluate()).exactly("DKIM05.KEY_REVOKED@s1@-");
    }
}
