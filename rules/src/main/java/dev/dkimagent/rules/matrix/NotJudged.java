package dev.dkimagent.rules.matrix;

/**
 * Why a cell (or a server's SOA) could not be judged.
 *
 * @param reason    the kind of failure
 * @param detail    short human text, e.g. "timeout after 3 attempts" or "REFUSED"
 * @param queryType the query that failed, e.g. {@code SOA} or {@code CNAME}
 * @param queryName the name it asked
 * @param zoneWide  true when the server's SOA answer failed (one finding for the whole server),
 *                  false when only a record query failed (one finding for the cell)
 */
public record NotJudged(Reason reason, String detail, String queryType, String queryName, boolean zoneWide) {

    /** Why nothing could be judged. */
    public enum Reason {
        /** No reply at all: timeout, network error, malformed or mismatched reply (NS01 NS_UNREACHABLE). */
        NO_REPLY,
        /** A reply that does not speak for the zone: SERVFAIL, REFUSED, AA=0 ... (NS02 NS_NOT_AUTHORITATIVE). */
        LAME,
        /** The zone was not found by discovery (NS01 ZONE_UNRESOLVED). */
        ZONE_NOT_FOUND,
        /** The observations hold no answer for this query: nothing to judge, nothing to report. */
        NOT_ASKED,
        /**
         * The server answers with an older SOA serial than the newest seen for its zone, within the
         * propagation grace: a zone transfer is under way, nothing to report yet.
         */
        CATCHING_UP
    }

    /** The server gave no usable answer: a reason that says the server was not heard. */
    public boolean serverNotHeard() {
        return reason == Reason.NO_REPLY || reason == Reason.LAME;
    }
}
