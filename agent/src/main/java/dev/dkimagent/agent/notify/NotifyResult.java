package dev.dkimagent.agent.notify;

/** How the listener treated one incoming message; the label is the metric's {@code result} value. */
public enum NotifyResult {
    /** A NOTIFY for a watched zone from an allowed source, signed when keys are configured: answered, recheck asked. */
    ACCEPTED("accepted"),
    /** The source address is not in {@code notify.allow}: REFUSED. */
    REFUSED_SOURCE("refused_source"),
    /** Not a NOTIFY (a query, an UPDATE ...): NOTIMP. */
    NOT_IMPLEMENTED("not_implemented"),
    /** Keys are configured and the message is unsigned (REFUSED) or its TSIG fails (NOTAUTH + TSIG error). */
    BAD_TSIG("bad_tsig"),
    /** A NOTIFY for a zone the agent does not watch: NOTAUTH. */
    UNKNOWN_ZONE("unknown_zone"),
    /** Not a DNS message, a response, or a NOTIFY without one SOA question: dropped or FORMERR. */
    MALFORMED("malformed");

    private final String label;

    NotifyResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
