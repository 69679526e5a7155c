package dev.dkimagent.rules.model;

/** How a query ended at the transport level, before any DNS meaning is read. */
public enum Transport {
    /** A well-formed reply to this query arrived (look at rcode and AA next). */
    REPLY,
    /** No reply within the timeout, after every attempt. */
    TIMEOUT,
    /** The network refused or failed (ICMP unreachable, connection refused on TCP, ...). */
    NETWORK_ERROR,
    /** Bytes arrived that do not parse as a DNS message. */
    MALFORMED,
    /** A reply arrived with another message id or question than the one asked. */
    MISMATCH
}
