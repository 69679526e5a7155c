package dev.dkimagent.agent.config;

import java.time.Duration;
import java.util.List;

/**
 * {@code dkim-agent.dns}: how the agent talks DNS.
 *
 * @param resolvers        "ip", "ip:port" or "[v6]:port"; empty = the system's resolvers
 * @param timeout          per attempt
 * @param attempts         attempts per query
 * @param maxInFlight      queries outstanding at once, all servers together
 * @param perNameserverQps politeness limit per nameserver address (direct queries, RD=0)
 * @param perResolverQps   limit per resolver address (recursive queries, RD=1: zone and key look-ups)
 * @param ipv6             whether to probe the nameservers' IPv6 addresses (auto: when this host routes IPv6)
 */
public record DnsSettings(List<String> resolvers, Duration timeout, int attempts, int maxInFlight,
                          int perNameserverQps, int perResolverQps, Ipv6Mode ipv6) {

    public DnsSettings {
        resolvers = List.copyOf(resolvers);
    }
}
