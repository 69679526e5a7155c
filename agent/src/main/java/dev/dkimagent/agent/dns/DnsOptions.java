package dev.dkimagent.agent.dns;

import java.time.Duration;

/**
 * How the DNS client behaves.
 *
 * @param timeout          how long one attempt waits for a reply
 * @param attempts         attempts per query on timeout or network error (at least 1)
 * @param maxInFlight      queries outstanding at once, over all servers; the rest wait in a queue.
 *                         dnsjava opens one socket per UDP query, so this also bounds file descriptors
 * @param perNameserverQps queries per second sent directly (RD=0) to one address, retries included; 0 = no limit
 * @param perResolverQps   queries per second sent recursively (RD=1) to one resolver address; 0 = no limit
 * @param ipv6             also look up and use AAAA addresses of nameservers
 */
public record DnsOptions(Duration timeout, int attempts, int maxInFlight, int perNameserverQps, int perResolverQps,
                         boolean ipv6) {

    public DnsOptions {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        if (perNameserverQps < 0) {
            throw new IllegalArgumentException("perNameserverQps must be 0 (no limit) or more, got " + perNameserverQps);
        }
        if (perResolverQps < 0) {
            throw new IllegalArgumentException("perResolverQps must be 0 (no limit) or more, got " + perResolverQps);
        }
    }

    /** Resolvers paced like nameservers (one qps for every address). */
    public DnsOptions(Duration timeout, int attempts, int maxInFlight, int qps, boolean ipv6) {
        this(timeout, attempts, maxInFlight, qps, qps, ipv6);
    }

    /**
     * Queries in flight to one address. A quarter of the global cap (at least 8), so one address
     * that does not answer holds at most that many permits while its breaker has not opened yet,
     * and the other addresses keep the rest.
     */
    public int maxInFlightPerAddress() {
        return Math.max(8, maxInFlight / 4);
    }

    /** Sensible defaults for a daemon: 2 s x 3 attempts, 256 in flight, 50 qps per nameserver, 1000 per resolver, IPv4 only. */
    public static DnsOptions defaults() {
        return new DnsOptions(Duration.ofSeconds(2), 3, 256, 50, 1000, false);
    }
}
