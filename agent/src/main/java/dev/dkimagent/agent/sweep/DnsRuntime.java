package dev.dkimagent.agent.sweep;

import dev.dkimagent.agent.config.DnsSettings;
import dev.dkimagent.agent.config.Ipv6Mode;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.dns.Discovery;
import dev.dkimagent.agent.dns.DnsClient;
import dev.dkimagent.agent.dns.Ipv6Route;
import dev.dkimagent.agent.dns.QueryEvent;
import dev.dkimagent.agent.dns.SystemResolvers;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The DNS side of the agent wired from settings: client, discovery and the sweep. Closes the client. */
public final class DnsRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsRuntime.class);

    private final DnsClient client;
    private final List<String> resolvers;
    private final DnsSweep sweep;

    public DnsRuntime(Settings settings, Consumer<QueryEvent> listener, Clock clock) {
        DnsSettings dns = settings.dns();
        this.client = new DnsClient(dns, checkIpv6(dns.ipv6(), Ipv6Route::available), listener);
        this.resolvers = dns.resolvers().isEmpty() ? SystemResolvers.addresses() : dns.resolvers();
        this.sweep = new DnsSweep(client, new Discovery(client, resolvers), settings.zoneNameservers(), clock);
    }

    /** auto: IPv6 addresses are checked only when this host can reach them (else all would look unreachable). */
    static boolean checkIpv6(Ipv6Mode mode, BooleanSupplier routeAvailable) {
        return switch (mode) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> {
                boolean available = routeAvailable.getAsBoolean();
                if (!available) {
                    LOG.info("this host has no IPv6 route: IPv6 nameserver addresses are not checked"
                            + " (dkim-agent.dns.ipv6 = auto; set it to true to check them anyway)");
                }
                yield available;
            }
        };
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
