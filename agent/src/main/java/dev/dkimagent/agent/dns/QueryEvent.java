package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Answer;

/**
 * One finished query (after its retries), for metrics. The DNS client builds it with {@link #of}
 * or {@link #skipped}, so the outcome is one of {@link QueryOutcome#ALL}.
 *
 * @param address   the server address as given to {@link DnsClient#query}
 * @param type      the query type mnemonic
 * @param outcome   one of {@link QueryOutcome#ALL}: the rcode word for a reply, else how it failed
 * @param rttMillis round-trip time of the last attempt, -1 if nothing came back
 * @param recursive true for a query to a resolver (RD=1), false for one sent directly to a nameserver (RD=0)
 */
public record QueryEvent(String address, String type, String outcome, long rttMillis, boolean recursive) {

    /** A query that was sent (or could not be), by what its answer shows. */
    public static QueryEvent of(String address, String type, Answer answer, boolean recursive) {
        return new QueryEvent(address, type, QueryOutcome.of(answer), answer.rttMillis(), recursive);
    }

    /** A query not sent because its address's breaker was open and the probe did not get a reply. */
    public static QueryEvent skipped(String address, String type, boolean recursive) {
        return new QueryEvent(address, type, QueryOutcome.SKIPPED, -1, recursive);
    }
}
