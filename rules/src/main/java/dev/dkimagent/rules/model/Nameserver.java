package dev.dkimagent.rules.model;

/**
 * One address of one authoritative nameserver.
 *
 * @param host    the NS name ({@code ns3.mycompany.com}), or the address itself when configured by IP
 * @param address {@code ip} or {@code ip:port} ({@code [v6]:port} for IPv6 with a port)
 */
public record Nameserver(String host, String address) {

    public Nameserver {
        host = Names.normal(host);
    }

    /** "ns3.mycompany.com (192.0.2.3)", or just the address when the host is the address. */
    public String display() {
        return host.equals(address) ? address : host + " (" + address + ")";
    }
}
