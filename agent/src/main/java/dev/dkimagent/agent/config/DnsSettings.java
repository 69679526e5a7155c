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
 * @param perNameserverQps politeness limit per nameserver address
 * @param ipv6             also probe the nameservers' IPv6 addresses
 */
public record DnsSettings(List<String> resolvers, Duration timeout, int attempts, int maxInFlight,
                          int perNameserverQps, boolean ipv6) {

    public DnsSettings {
        resolvers = List.copyOf(resolvers);
    }
}
