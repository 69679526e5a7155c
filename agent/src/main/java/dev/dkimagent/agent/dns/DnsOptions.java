package dev.dkimagent.agent.dns;

import java.time.Duration;

/**
 * How the DNS client behaves.
 *
 * @param timeout          how long one attempt waits for a reply
 * @param attempts         attempts per query on timeout or network error (at least 1)
 * @param maxInFlight      queries outstanding at once, over all servers; the rest wait in a queue.
 *                         dnsjava opens one socket per UDP query, so this also bounds file descriptors
 * @param perNameserverQps queries per second sent to one address, retries included; 0 = no limit
 * @param ipv6             also look up and use AAAA addresses of nameservers
 */
public record DnsOptions(Duration timeout, int attempts, int maxInFlight, int perNameserverQps, boolean ipv6) {

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
    }

    /** Sensible defaults for a daemon: 2 s x 3 attempts, 256 in flight, 50 qps per address, IPv4 only. */
    public static DnsOptions defaults() {
        return new DnsOptions(Duration.ofSeconds(2), 3, 256, 50, false);
    }
}
