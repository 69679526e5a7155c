package dev.dkimagent.agent.dns;

import java.net.InetSocketAddress;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/** The host's recursive resolvers as dnsjava finds them (resolv.conf, properties, platform). */
public final class SystemResolvers {
    private SystemResolvers() {
    }

    /** "ip" (port 53) or "ip:port" / "[v6]:port"; empty when none is configured. */
    public static List<String> addresses() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        return servers.stream().map(s -> ServerAddress.format(s.getAddress(), s.getPort())).toList();
    }
}
