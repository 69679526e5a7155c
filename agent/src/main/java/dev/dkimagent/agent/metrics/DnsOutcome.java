package dev.dkimagent.agent.metrics;

import dev.dkimagent.rules.model.Answer;
import java.util.Locale;

/** The outcome label of dkim_dns_queries_total for one answer: a fixed, small set of words. */
public final class DnsOutcome {
    private DnsOutcome() {
    }

    /**
     * {@code noerror}, {@code nxdomain}, {@code servfail}, {@code refused}, {@code formerr} or
     * {@code other_rcode} for a reply; {@code timeout}, {@code network_error}, {@code malformed}
     * or {@code mismatch} when no usable reply came.
     */
    public static String of(Answer answer) {
        if (!answer.isReply()) {
            return answer.transport().name().toLowerCase(Locale.ROOT);
        }
        return switch (answer.rcode()) {
            case Answer.NOERROR -> "noerror";
            case Answer.NXDOMAIN -> "nxdomain";
            case Answer.SERVFAIL -> "servfail";
            case Answer.REFUSED -> "refused";
            case Answer.FORMERR -> "formerr";
            default -> "other_rcode";
        };
    }
}
