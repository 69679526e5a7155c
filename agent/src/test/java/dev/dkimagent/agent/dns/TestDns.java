package dev.dkimagent.agent.dns;

import dev.dkimagent.agent.config.DnsSettings;
import dev.dkimagent.agent.config.Ipv6Mode;
import java.time.Duration;
import java.util.List;

/** DNS settings for client tests: no resolvers (discovery tests pass theirs), IPv6 mode as the client is told. */
final class TestDns {
    private TestDns() {
    }

    /** One qps for nameservers and resolvers alike (0 = no limit). */
    static DnsSettings settings(Duration timeout, int attempts, int maxInFlight, int qps) {
        return settings(timeout, attempts, maxInFlight, qps, qps);
    }

    static DnsSettings settings(Duration timeout, int attempts, int maxInFlight, int nameserverQps, int resolverQps) {
        return new DnsSettings(List.of(), timeout, attempts, maxInFlight, nameserverQps, resolverQps, Ipv6Mode.OFF);
    }
}
