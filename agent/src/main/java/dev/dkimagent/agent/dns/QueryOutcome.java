package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Answer;
import java.util.List;
import java.util.Locale;

/**
 * How a finished query ended, in one word: the rcode for a reply, the transport failure otherwise,
 * or {@link #SKIPPED} for a query never sent because its address's breaker was open. The label
 * values of dkim_dns_queries_total; docs/metrics.md lists the same words (a test keeps them in step).
 */
public final class QueryOutcome {
    public static final String NOERROR = "noerror";
    public static final String NXDOMAIN = "nxdomain";
    public static final String SERVFAIL = "servfail";
    public static final String REFUSED = "refused";
    public static final String FORMERR = "formerr";
    public static final String OTHER_RCODE = "other_rcode";
    public static final String TIMEOUT = "timeout";
    public static final String NETWORK_ERROR = "network_error";
    public static final String MALFORMED = "malformed";
    public static final String MISMATCH = "mismatch";
    public static final String SKIPPED = "skipped";

    /** Every word a {@link QueryEvent} can carry. */
    public static final List<String> ALL = List.of(NOERROR, NXDOMAIN, SERVFAIL, REFUSED, FORMERR, OTHER_RCODE,
            TIMEOUT, NETWORK_ERROR, MALFORMED, MISMATCH, SKIPPED);

    private QueryOutcome() {
    }

    /** The rcode word for a reply, else the transport's name (timeout, network_error, malformed, mismatch). */
    public static String of(Answer answer) {
        if (!answer.isReply()) {
            return answer.transport().name().toLowerCase(Locale.ROOT);
        }
        return switch (answer.rcode()) {
            case Answer.NOERROR -> NOERROR;
            case Answer.NXDOMAIN -> NXDOMAIN;
            case Answer.SERVFAIL -> SERVFAIL;
            case Answer.REFUSED -> REFUSED;
            case Answer.FORMERR -> FORMERR;
            default -> OTHER_RCODE;
        };
    }
}
