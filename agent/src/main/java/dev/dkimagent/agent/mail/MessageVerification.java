package dev.dkimagent.agent.mail;

import java.util.List;

/**
 * Every DKIM-Signature of one message verified, and what the receiver recorded.
 *
 * @param signatures top (newest) first
 * @param receiver   the receiver's Authentication-Results, every method
 */
public record MessageVerification(List<SignatureResult> signatures, List<ReceiverResult> receiver) {

    public MessageVerification {
        signatures = List.copyOf(signatures);
        receiver = List.copyOf(receiver);
    }

    /** At least one signature, and every one passes with the key of every nameserver. */
    public boolean allPass() {
        return !signatures.isEmpty()
                && signatures.stream().allMatch(s -> s.result() == SignatureResult.Result.PASS);
    }

    /** No resolver answered a key look-up: nothing about the keys was seen. */
    public boolean cannotRun() {
        return signatures.stream().anyMatch(s -> s.lookup() != null && s.lookup().cannotRun());
    }

    /** The receiver's dkim results. */
    public List<ReceiverResult> receiverDkim() {
        return receiver.stream().filter(r -> r.method().equals("dkim")).toList();
    }
}
