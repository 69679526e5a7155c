package dev.dkimagent.agent.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;

/**
 * Whether this host can send to global IPv6 addresses. Connecting a UDP socket only consults the
 * routing table: nothing is sent.
 */
public final class Ipv6Route {
    /** A documentation address (RFC 3849): any default IPv6 route covers it. */
    private static final InetSocketAddress PROBE = new InetSocketAddress("2001:db8::53", 53);

    private Ipv6Route() {
    }

    public static boolean available() {
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            channel.connect(PROBE);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
