package dev.dkimagent.agent.mail;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The text report of {@code verify-message}: one block per signature, then the receiver's results. */
public final class VerificationText {
    private final PrintWriter out;

    public VerificationText(PrintWriter out) {
        this.out = out;
    }

    public void print(MessageVerification verification) {
        List<SignatureResult> signatures = verification.signatures();
        if (signatures.isEmpty()) {
            out.println("No DKIM-Signature: the message is not signed.");
        }
        for (int i = 0; i < signatures.size(); i++) {
            printSignature(i + 1, signatures.size(), signatures.get(i));
        }
        printReceiver(verification.receiver());
        out.flush();
    }

    private void printSignature(int n, int of, SignatureResult s) {
        out.println("DKIM-Signature " + n + " of " + of + ": " + word(s.result()));
        if (s.tags() == null) {
            out.println("  " + s.parseError());
            return;
        }
        SignatureTags t = s.tags();
        out.println("  d=" + t.domain() + "  s=" + t.selector() + "  a=" + t.algorithm() + "  c=" + t.canonical()
                + (t.bodyLength() == null ? "" : "  l=" + t.bodyLength()));
        out.println("  h=" + String.join(":", t.headers()));
        out.println("  body hash: " + (s.body().matches() ? "matches" : "DOES NOT MATCH") + " (bh=" + t.bodyHash()
                + (s.body().matches() || s.body().computed() == null ? "" : ", computed " + s.body().computed()) + ")");
        if (t.expiresAt() != null) {
            out.println("  expires: x=" + t.expiresAt() + (s.expired() ? " (EXPIRED)" : ""));
        }
        if (s.lookup().zone() != null) {
            out.println("  key " + s.lookup().name() + " on each nameserver of " + s.lookup().zone() + ":");
        }
        for (KeyVerdict key : s.keys()) {
            out.println("    " + key.server() + ": " + word(key.outcome())
                    + (key.reason() == null ? "" : ": " + key.reason())
                    + (key.key().cnameTarget() == null ? "" : " (via CNAME " + key.key().cnameTarget() + ")"));
        }
        for (SignatureResult.Problem problem : s.problems()) {
            out.println("  problem: " + problem.detail());
        }
    }

    private void printReceiver(List<ReceiverResult> receiver) {
        if (receiver.isEmpty()) {
            out.println("Receiver: no Authentication-Results field.");
            return;
        }
        out.println("Receiver (Authentication-Results):");
        for (ReceiverResult r : receiver) {
            StringBuilder line = new StringBuilder("  " + r.authservId() + ": " + r.method() + "=" + r.result());
            r.properties().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            out.println(line);
        }
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
