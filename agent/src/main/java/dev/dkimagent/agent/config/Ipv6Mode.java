package dev.dkimagent.agent.config;

/** {@code dkim-agent.dns.ipv6}: whether the nameservers' IPv6 addresses are checked. */
public enum Ipv6Mode {
    /** Check them when this host can route IPv6 (otherwise every IPv6 address would look unreachable). */
    AUTO,
    /** Always check them. */
    ON,
    /** Never check them. */
    OFF
}
