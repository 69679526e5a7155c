package dev.dkimagent.rules.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one canary round observed for one identity: a message sent through SES, then found (or
 * not) in the mailbox and verified. Observations, never verdicts: DKIM06 and MON02 judge them.
 *
 * @param identity   the sending identity (domain) the canary proves
 * @param from       the From address used
 * @param sentAt     when SendEmail was called
 * @param delivery   how the round ended
 * @param roundTrip  send to found in the mailbox; null unless DELIVERED
 * @param timeout    how long the round waited for the message
 * @param signatures every DKIM-Signature of the delivered message, top first
 * @param receiver   the receiver's dkim results (Authentication-Results)
 * @param failure    why the round could not run (send or mailbox), else null
 */
public record CanaryRound(String identity, String from, Instant sentAt, Delivery delivery, Duration roundTrip,
                          Duration timeout, List<Signature> signatures, List<ReceiverDkim> receiver, Failure failure) {

    public enum Delivery { DELIVERED, NOT_DELIVERED, FAILED }

    /** Where a round failed before any DKIM verdict was possible (VERIFY: no resolver answered the key look-ups). */
    public enum Stage { SEND, MAILBOX, VERIFY }

    /** What is wrong with one signature, for one receiver or all. */
    public enum ProblemKind { INVALID_FIELD, BODY_HASH, EXPIRED, SIGNATURE, KEY_NOT_SERVED, KEY_UNREADABLE }

    public CanaryRound {
        identity = Names.normal(identity);
        signatures = List.copyOf(signatures);
        receiver = List.copyOf(receiver);
    }

    /**
     * One DKIM-Signature as verified.
     *
     * @param domain   d= (null when the field could not be parsed)
     * @param selector s=
     * @param passes     it verifies with the key of every nameserver
     * @param verifiedOn the nameserver hosts whose key verifies its header signature
     * @param problems   what makes it fail, empty when it passes
     */
    public record Signature(String domain, String selector, boolean passes, List<String> verifiedOn,
                            List<Problem> problems) {
        public Signature {
            domain = domain == null ? null : Names.normal(domain);
            verifiedOn = List.copyOf(verifiedOn);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param nameserver for KEY_NOT_SERVED and SIGNATURE: the nameserver whose key it concerns, else null
     * @param address    its address, else null
     */
    public record Problem(ProblemKind kind, String detail, String nameserver, String address) {
    }

    /** One dkim= result the receiver recorded; domain is header.d (null when absent). */
    public record ReceiverDkim(String authservId, String result, String domain) {
    }

    /**
     * @param mailbox where the round looked, without secrets: {@code imaps://user@host:993/INBOX},
     *                {@code s3://bucket/prefix}; null for SEND
     */
    public record Failure(Stage stage, String detail, String mailbox) {
    }

    /** The signatures whose d= is the identity's domain. */
    public List<Signature> ownSignatures() {
        return signatures.stream().filter(s -> identity.equals(s.domain())).toList();
    }
}
