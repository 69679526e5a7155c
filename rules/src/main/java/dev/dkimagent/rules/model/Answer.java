package dev.dkimagent.rules.model;

import java.util.List;

/**
 * What one server said to one query, or why it said nothing. A value, never an exception.
 *
 * @param transport     how the exchange ended; rcode, flags and sections only mean something on REPLY
 * @param rcode         DNS rcode (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED, 1 FORMERR ...)
 * @param authoritative the AA flag
 * @param records       the answer section
 * @param authoritySoa  the SOA in the authority section (NXDOMAIN/NODATA), or null
 * @param detail        a short human explanation for non-REPLY outcomes, or null
 * @param rttMillis     round-trip time of the last attempt, in milliseconds (-1 if none)
 */
public record Answer(Transport transport, int rcode, boolean authoritative, List<Rr> records,
                     Soa authoritySoa, String detail, long rttMillis) {

    public static final int NOERROR = 0;
    public static final int FORMERR = 1;
    public static final int SERVFAIL = 2;
    public static final int NXDOMAIN = 3;
    public static final int REFUSED = 5;

    public Answer {
        records = List.copyOf(records);
    }

    public static Answer failed(Transport transport, String detail) {
        return new Answer(transport, -1, false, List.of(), null, detail, -1);
    }

    public boolean isReply() {
        return transport == Transport.REPLY;
    }

    /** NOERROR or NXDOMAIN with AA set: the server speaks for the zone. */
    public boolean isAuthoritativeReply() {
        return isReply() && authoritative && (rcode == NOERROR || rcode == NXDOMAIN);
    }

    public boolean isNxdomain() {
        return isReply() && rcode == NXDOMAIN;
    }

    /** NOERROR with nothing of the asked type (the name exists, the type does not). */
    public boolean isNoData(String type) {
        return isReply() && rcode == NOERROR && recordsOfType(type).isEmpty();
    }

    public List<Rr> recordsOfType(String type) {
        List<Rr> ofType = null; // a loop, not a stream: judging asks this of tens of thousands of answers
        for (Rr r : records) {
            if (r.type().equals(type)) {
                if (ofType == null) {
                    ofType = new java.util.ArrayList<>(records.size());
                }
                ofType.add(r);
            }
        }
        return ofType == null ? List.of() : java.util.Collections.unmodifiableList(ofType);
    }
}
