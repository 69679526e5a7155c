package dev.dkimagent.agent.sweep;

import dev.dkimagent.agent.config.DnsSettings;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.dns.Discovery;
import dev.dkimagent.agent.dns.DnsClient;
import dev.dkimagent.agent.dns.DnsOptions;
import dev.dkimagent.agent.dns.QueryEvent;
import dev.dkimagent.agent.dns.SystemResolvers;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** The DNS side of the agent wired from settings: client, discovery and the sweep. Closes the client. */
public final class DnsRuntime implements AutoCloseable {
    private final DnsClient client;
    private final List<String> resolvers;
    private final DnsSweep sweep;

    public DnsRuntime(Settings settings, Consumer<QueryEvent> listener, Clock clock) {
        DnsSettings dns = settings.dns();
        this.client = new DnsClient(new DnsOptions(dns.timeout(), dns.attempts(), dns.maxInFlight(),
                dns.perNameserverQps(), dns.perResolverQps(), dns.ipv6()), listener);
        this.resolvers = dns.resolvers().isEmpty() ? SystemResolvers.addresses() : dns.resolvers();
        this.sweep = new DnsSweep(client, new Discovery(client, resolvers), settings.zoneNameservers(), clock);
    }

    public DnsSweep sweep() {
        return sweep;
    }

    public List<String> resolvers() {
        return resolvers;
    }

    @Override
    public void close() {
        client.close();
    }
}
