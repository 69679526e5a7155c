package dev.dkimagent.agent.dns;

/**
 * One finished query (after its retries), for metrics.
 *
 * @param address   the server address as given to {@link DnsClient#query}
 * @param type      the query type mnemonic
 * @param outcome   {@code reply}, {@code timeout}, {@code network_error}, {@code malformed} or {@code mismatch}
 * @param rttMillis round-trip time of the last attempt, -1 if nothing came back
 */
public record QueryEvent(String address, String type, String outcome, long rttMillis) {
}
