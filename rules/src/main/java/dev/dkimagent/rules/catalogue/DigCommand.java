package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.model.Nameserver;

/** The {@code dig} command line that shows a finding's problem, for remediation texts. */
public final class DigCommand {
    private static final int DNS_PORT = 53;

    private DigCommand() {
    }

    /** A direct, non-recursive query to one nameserver address: what that server itself serves. */
    public static String direct(Nameserver server, String type, String name) {
        return "dig +norecurse " + target(server) + " " + type + " " + name;
    }

    /** A query through the local resolver: what receivers see. */
    public static String resolver(String type, String name) {
        return "dig " + type + " " + name;
    }

    /** A terse query through the local resolver: just the data receivers (and SES) get. */
    public static String resolverShort(String type, String name) {
        return "dig +short " + type + " " + name;
    }

    /** Follows the delegation from the root: shows the parent's NS set, then the zone's own. */
    public static String trace(String type, String name) {
        return "dig +trace " + type + " " + name;
    }

    /**
     * {@code @host} reads best, but a host with IPv4 and IPv6 addresses would let dig pick either:
     * for an IPv6 address, {@code -6} makes dig ask the family the finding is about.
     */
    static String target(Nameserver server) {
        HostPort hp = HostPort.parse(server.address());
        if (hp.port() == DNS_PORT && !server.host().equals(server.address())) {
            return "@" + server.host() + (hp.ip().contains(":") ? " -6" : "");
        }
        return "@" + hp.ip() + (hp.port() == DNS_PORT ? "" : " -p " + hp.port());
    }

    /** An address as the model spells it: {@code ip}, {@code ip:port}, {@code [v6]:port} or a bare v6. */
    record HostPort(String ip, int port) {
        static HostPort parse(String address) {
            if (address.startsWith("[")) {
                int close = address.indexOf(']');
                String ip = address.substring(1, close);
                String rest = address.substring(close + 1);
                return new HostPort(ip, rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : DNS_PORT);
            }
            int colon = address.indexOf(':');
            if (colon > 0 && colon == address.lastIndexOf(':')) {
                return new HostPort(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
            }
            return new HostPort(address, DNS_PORT);
        }
    }
}
