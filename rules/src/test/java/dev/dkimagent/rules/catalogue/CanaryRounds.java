package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.model.CanaryRound;
import dev.dkimagent.rules.model.CanaryRound.Delivery;
import dev.dkimagent.rules.model.CanaryRound.Problem;
import dev.dkimagent.rules.model.CanaryRound.ProblemKind;
import dev.dkimagent.rules.model.CanaryRound.ReceiverDkim;
import dev.dkimagent.rules.model.CanaryRound.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Canary rounds for identity a.test, one shape per outcome; each test changes one thing. */
final class CanaryRounds {
    static final String FROM = "dkim-canary@a.test";
    static final Instant SENT = Instant.parse("2026-12-06T10:00:00Z");
    static final List<String> ALL_SERVERS = List.of("ns1.a.test", "ns2.a.test", "ns3.a.test");

    private CanaryRounds() {
    }

    static CanaryRound delivered(List<Signature> signatures, List<ReceiverDkim> receiver) {
        return new CanaryRound("a.test", FROM, SENT, Delivery.DELIVERED, Duration.ofSeconds(4), Duration.ofMinutes(10),
                signatures, receiver, null);
    }

    static Signature good(String domain, String selector) {
        return new Signature(domain, selector, true, ALL_SERVERS, List.of());
    }

    static Signature failing(String selector, List<String> verifiedOn, Problem... problems) {
        return new Signature("a.test", selector, false, verifiedOn, List.of(problems));
    }

    static Problem notServedOnNs3() {
        return new Problem(ProblemKind.KEY_NOT_SERVED, "NXDOMAIN", "ns3.a.test", "127.0.0.13");
    }

    static Problem bodyHash() {
        return new Problem(ProblemKind.BODY_HASH, "body hash did not verify", null, null);
    }

    static Problem signatureOn(String server, String address) {
        return new Problem(ProblemKind.SIGNATURE, "signature did not verify with this key", server, address);
    }

    static ReceiverDkim receiver(String result) {
        return new ReceiverDkim("mx.example.org", result, "a.test");
    }

    static CanaryRound notDelivered() {
        return new CanaryRound("a.test", FROM, SENT, Delivery.NOT_DELIVERED, null, Duration.ofMinutes(10),
                List.of(), List.of(), null);
    }

    static CanaryRound failed(CanaryRound.Stage stage, String error, String mailbox) {
        return new CanaryRound("a.test", FROM, SENT, Delivery.FAILED, null, Duration.ofMinutes(10), List.of(),
                List.of(), new CanaryRound.Failure(stage, error, mailbox));
    }

    /** Between them, every DKIM06 and MON02 tag (and both MON02 stages). */
    static List<CanaryRound> samples() {
        return List.of(
                delivered(List.of(good("amazonses.com", "amz")), List.of()),
                delivered(List.of(failing("t1", List.of("ns1.a.test", "ns2.a.test"), notServedOnNs3(), bodyHash())),
                        List.of(receiver("fail"))),
                notDelivered(),
                failed(CanaryRound.Stage.SEND, "AccessDenied", null),
                failed(CanaryRound.Stage.MAILBOX, "login refused", "imaps://canary@imap.a.test:993/INBOX"),
                failed(CanaryRound.Stage.VERIFY, "no resolver answered", null));
    }
}
