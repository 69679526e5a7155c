package dev.dkimagent.agent.config;

import java.time.Duration;
import java.util.List;

/**
 * {@code dkim-agent.dns}: how the agent talks DNS. The one DNS settings type: the loader reads it
 * from configuration (defaults live in reference.conf only), the DNS client takes it as it is.
 *
 * @param resolvers        "ip", "ip:port" or "[v6]:port"; empty = the system's resolvers
 * @param timeout          how long one attempt waits for a reply
 * @param attempts         attempts per query on timeout or network error (at least 1)
 * @param maxInFlight      queries outstanding at once, all servers together; the rest wait in a queue
 * @param perNameserverQps queries per second sent directly (RD=0) to one address, retries included; 0 = no limit
 *                         (configuration requires at least 1; 0 is for tests and benchmarks)
 * @param perResolverQps   the same for recursive queries (RD=1: zone and key look-ups) to one resolver address
 * @param ipv6             whether to probe the nameservers' IPv6 addresses (auto: when this host routes IPv6)
 */
public record DnsSettings(List<String> resolvers, Duration timeout, int attempts, int maxInFlight,
                          int perNameserverQps, int perResolverQps, Ipv6Mode ipv6) {

    public DnsSettings {
        resolvers = List.copyOf(resolvers);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        if (perNameserverQps < 0 || perResolverQps < 0) {
            throw new IllegalArgumentException("qps must be 0 (no limit) or more, got " + perNameserverQps
                    + " and " + perResolverQps);
        }
        if (ipv6 == null) {
            throw new IllegalArgumentException("ipv6 mode missing");
        }
    }

    /**
     * Queries in flight to one address. A quarter of the global cap (at least 8), so one address
     * that does not answer holds at most that many permits while its breaker has not opened yet,
     * and the other addresses keep the rest.
     */
    public int maxInFlightPerAddress() {
        return Math.max(8, maxInFlight / 4);
    }
}
