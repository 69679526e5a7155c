package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.CanaryRounds.*;
import static dev.dkimagent.rules.catalogue.FindingsAssert.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.model.CanaryRound;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DKIM06 and MON02 on canary rounds of identity a.test, exact sets. */
class CanaryRulesTest {

    private static TestWorld with(CanaryRound round) {
        return TestWorld.healthy().canary(round);
    }

    @Test
    void evaluate_signedByOwnDomainAndAmazon_receiverPass_findsNothing() {
        assertFindings(with(delivered(List.of(good("a.test", "t1"), good("amazonses.com", "amz")),
                List.of(receiver("pass")))).evaluate()).none();
    }

    @Test
    void evaluate_onlyAmazonSignature_emitsNotSignedNamingTheSigner() {
        Finding f = assertFindings(with(delivered(List.of(good("amazonses.com", "amz")), List.of())).evaluate())
                .exactly("DKIM06.CANARY_NOT_SIGNED@-@-").the("DKIM06.CANARY_NOT_SIGNED@-@-");

        assertThat(f.subject().identity()).isEqualTo("a.test");
        assertThat(f.subject().source()).isEqualTo("canary");
        assertThat(f.args()).containsEntry("signers", "amazonses.com").containsEntry("from", FROM);
    }

    @Test
    void evaluate_noSignatureAtAll_emitsNotSignedByNobody() {
        Finding f = assertFindings(with(delivered(List.of(), List.of())).evaluate())
                .exactly("DKIM06.CANARY_NOT_SIGNED@-@-").the("DKIM06.CANARY_NOT_SIGNED@-@-");

        assertThat(f.args()).containsEntry("signers", "nobody");
    }

    @Test
    void evaluate_keyMissingOnNs3_emitsKeyNotServedForNs3Only() {
        CanaryRound round = delivered(List.of(failing("t1", List.of("ns1.a.test", "ns2.a.test"), notServedOnNs3()),
                good("amazonses.com", "amz")), List.of());

        Finding f = assertFindings(with(round).evaluate()).exactly("DKIM06.CANARY_KEY_NOT_SERVED@t1@127.0.0.13")
                .the("DKIM06.CANARY_KEY_NOT_SERVED@t1@127.0.0.13");

        assertThat(f.args()).containsEntry("dig", "dig +norecurse @ns3.a.test TXT t1._domainkey.a.test");
    }

    @Test
    void evaluate_differentKeyOnNs3_isKeyNotServedThere_notAnInvalidSignature() {
        CanaryRound round = delivered(List.of(failing("t1", List.of("ns1.a.test", "ns2.a.test"),
                signatureOn("ns3.a.test", "127.0.0.13"))), List.of());

        assertFindings(with(round).evaluate()).exactly("DKIM06.CANARY_KEY_NOT_SERVED@t1@127.0.0.13");
    }

    @Test
    void evaluate_signatureNoKeyVerifies_isInvalidSignature() {
        CanaryRound round = delivered(List.of(failing("t1", List.of(), signatureOn("ns1.a.test", "127.0.0.11"),
                signatureOn("ns2.a.test", "127.0.0.12"))), List.of());

        Finding f = assertFindings(with(round).evaluate()).exactly("DKIM06.CANARY_SIGNATURE_INVALID@t1@-")
                .the("DKIM06.CANARY_SIGNATURE_INVALID@t1@-");

        assertThat(f.args().get("reason")).contains("ns1.a.test").contains("ns2.a.test");
    }

    @Test
    void evaluate_bodyAltered_emitsInvalidWithTheReason() {
        CanaryRound round = delivered(List.of(failing("t1", CanaryRounds.ALL_SERVERS, bodyHash())), List.of());

        Finding f = assertFindings(with(round).evaluate()).exactly("DKIM06.CANARY_SIGNATURE_INVALID@t1@-")
                .the("DKIM06.CANARY_SIGNATURE_INVALID@t1@-");

        assertThat(f.args()).containsEntry("reason", "body hash did not verify");
    }

    @Test
    void evaluate_oneOwnSignaturePassesEverywhere_ignoresAnotherThatFails() {
        CanaryRound round = delivered(List.of(good("a.test", "t1"), failing("t2", List.of(), bodyHash())), List.of());

        assertFindings(with(round).evaluate()).none();
    }

    @Test
    void evaluate_receiverSaysFailOrNone_emitsReceiverFail_butNotWhenOneResultPasses() {
        assertFindings(with(delivered(List.of(good("a.test", "t1")), List.of(receiver("none")))).evaluate())
                .exactly("DKIM06.CANARY_RECEIVER_FAIL@-@-");
        assertFindings(with(delivered(List.of(good("a.test", "t1")), List.of(receiver("fail"), receiver("pass"))))
                .evaluate()).none();
        assertFindings(with(delivered(List.of(good("a.test", "t1")),
                List.of(new CanaryRound.ReceiverDkim("mx", "fail", "amazonses.com")))).evaluate()).none();
    }

    @Test
    void evaluate_notDelivered_emitsNotDeliveredOnly() {
        Finding f = assertFindings(with(notDelivered()).evaluate()).exactly("DKIM06.CANARY_NOT_DELIVERED@-@-")
                .the("DKIM06.CANARY_NOT_DELIVERED@-@-");

        assertThat(f.args()).containsEntry("timeout", "PT10M").containsEntry("sentAt", "2026-12-06T10:00:00Z");
    }

    @Test
    void evaluate_sendOrMailboxFailure_isMon02Only_neverADkimVerdict() {
        Finding send = assertFindings(with(failed(CanaryRound.Stage.SEND, "AccessDenied", null)).evaluate())
                .exactly("MON02.CANARY_ERROR@-@-").the("MON02.CANARY_ERROR@-@-");
        Finding mailbox = assertFindings(with(failed(CanaryRound.Stage.MAILBOX, "AUTHENTICATIONFAILED",
                "imaps://canary@imap.a.test:993/INBOX")).evaluate()).exactly("MON02.CANARY_ERROR@-@-")
                .the("MON02.CANARY_ERROR@-@-");

        assertThat(send.args()).containsEntry("stage", "sending through SES")
                .containsEntry("check", "aws sesv2 get-email-identity --email-identity a.test");
        assertThat(mailbox.args()).containsEntry("check", "curl -v 'imaps://canary@imap.a.test:993/INBOX'");
    }

    @Test
    void couldSee_canaryFindings_onlyWhenARoundOfThatIdentityWasJudged() {
        dev.dkimagent.rules.Judgement dnsOnly = TestWorld.healthy().judge();
        dev.dkimagent.rules.Judgement withRound = with(notDelivered()).judge();

        assertThat(dnsOnly.couldSee("DKIM06", "CANARY_NOT_DELIVERED", "a.test", null, null, null))
                .as("a DNS sweep neither raises nor resolves canary findings").isFalse();
        assertThat(dnsOnly.couldSee("MON02", "CANARY_ERROR", "a.test", null, null, null)).isFalse();
        assertThat(withRound.couldSee("DKIM06", "CANARY_KEY_NOT_SERVED", "a.test", null, "t1", "127.0.0.13")).isTrue();
        assertThat(withRound.couldSee("DKIM06", "CANARY_NOT_SIGNED", "b.test", null, null, null)).isFalse();
    }
}
