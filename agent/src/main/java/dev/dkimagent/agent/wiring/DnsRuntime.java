package dev.dkimagent.agent.wiring;

import dev.dkimagent.agent.config.DnsSettings;
import dev.dkimagent.agent.config.Ipv6Mode;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.dns.Discovery;
import dev.dkimagent.agent.dns.DnsClient;
import dev.dkimagent.agent.dns.Ipv6Route;
import dev.dkimagent.agent.dns.QueryEvent;
import dev.dkimagent.agent.dns.SystemResolvers;
import dev.dkimagent.agent.probe.ZoneLocator;
import dev.dkimagent.agent.probe.ZoneProbe;
import dev.dkimagent.rules.model.Answer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The DNS side of the agent wired from settings: client, discovery, zone locator and zone probe. Closes the client. */
public final class DnsRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsRuntime.class);

    private final DnsClient client;
    private final List<String> resolvers;
    private final Discovery discovery;
    private final ZoneLocator locator;
    private final ZoneProbe probe;

    public DnsRuntime(Settings settings, Consumer<QueryEvent> listener) {
        DnsSettings dns = settings.dns();
        this.client = new DnsClient(dns, checkIpv6(dns.ipv6(), Ipv6Route::available), listener);
        this.resolvers = dns.resolvers().isEmpty() ? SystemResolvers.addresses() : dns.resolvers();
        this.discovery = new Discovery(client, resolvers);
        this.locator = new ZoneLocator(discovery, settings.zoneNameservers());
        this.probe = new ZoneProbe(client, discovery, settings.zoneNameservers());
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

    /** Step 1 of a sweep: which zone each identity's records live in. */
    public ZoneLocator locator() {
        return locator;
    }

    /** One zone's discovery and probes. */
    public ZoneProbe probe() {
        return probe;
    }

    /** The client itself, for probes outside a sweep (verify-message asks each nameserver for a key). */
    public DnsClient client() {
        return client;
    }

    /** Zone discovery and recursive look-ups through the resolvers. */
    public Discovery discovery() {
        return discovery;
    }

    /** The zone's SOA asked of one address directly (RD=0), paced like every other direct query (SOA watch). */
    public CompletableFuture<Answer> soa(String address, String zone) {
        return client.query(address, zone, "SOA", false);
    }

    public List<String> resolvers() {
        return resolvers;
    }

    @Override
    public void close() {
        client.close();
    }
}
