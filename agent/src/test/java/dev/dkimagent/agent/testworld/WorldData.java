package dev.dkimagent.agent.testworld;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The facts of the standard {@link DkimWorld}, for tests to assert against. */
public final class WorldData {
    /** Addresses are {@code <prefix>.<host>}; another prefix (e.g. "127.54.0") gives a second world. */
    public static final String DEFAULT_PREFIX = "127.53.0";

    public static final int ROOT_HOST = 10;
    public static final int NS1_HOST = 11;
    public static final int NS2_HOST = 12;
    public static final int NS3_HOST = 13;
    public static final int KEY_SERVER_HOST = 20;
    public static final int RESOLVER_HOST = 53;

    public static final String ROOT_ADDRESS = DEFAULT_PREFIX + "." + ROOT_HOST;
    public static final String NS1_ADDRESS = DEFAULT_PREFIX + "." + NS1_HOST;
    public static final String NS2_ADDRESS = DEFAULT_PREFIX + "." + NS2_HOST;
    public static final String NS3_ADDRESS = DEFAULT_PREFIX + "." + NS3_HOST;
    public static final String KEY_SERVER_ADDRESS = DEFAULT_PREFIX + "." + KEY_SERVER_HOST;
    public static final String RESOLVER_ADDRESS = DEFAULT_PREFIX + "." + RESOLVER_HOST;
    public static final int DNS_PORT = 53;

    /** The authoritative servers of both test zones, primary first. */
    public static final List<String> NAMESERVERS = List.of("ns1", "ns2", "ns3");
    public static final String PRIMARY = "ns1";
    public static final String DRIFTED = "ns3";
    private static final Map<String, Integer> NAMESERVER_HOSTS = Map.of("ns1", NS1_HOST, "ns2", NS2_HOST, "ns3", NS3_HOST);

    public static final String ROOT_SERVER_NAME = "a.root-servers.test.";
    public static final String KEY_SERVER_NAME = "ns.amazonses.com.";

    public static final String MYCOMPANY = "mycompany.test";
    public static final String HEALTHY = "healthy.test";
    public static final String KEY_ZONE = "amazonses.com";
    public static final String SES_DKIM_ZONE = "dkim.amazonses.com";

    /** SES-style Easy-DKIM tokens: 32 lower-case alphanumerics, all distinct. */
    public static final List<String> MYCOMPANY_TOKENS = List.of(
            "k7hq3rwd5xzm2vq4ojbtl6ecu2np7yfs",
            "t3w5ly6qbn2hcuz7ox4ikj5dv6mra2eg",
            "fx2u7mlb3qk4zotd6rw5nchgy3vae7ip");
    public static final List<String> HEALTHY_TOKENS = List.of(
            "p4nz6ahc2wkr7xemd3qb5vtiuy2gl6oj",
            "a6dw3gqo7ynku2jx5tfr4bmv6hzc3les",
            "yr5m2ep7vjio3sxq6clb4dagk2wnt7uz");
    public static final List<String> ALL_TOKENS =
            Stream.concat(MYCOMPANY_TOKENS.stream(), HEALTHY_TOKENS.stream()).toList();

    /** mycompany.test token whose CNAME the drifted ns3 does not serve (NXDOMAIN there). */
    public static final String MISSING_TOKEN = MYCOMPANY_TOKENS.get(1);
    /** mycompany.test token whose CNAME ns3 serves with {@link #ODD_TTL} instead of {@link #RECORD_TTL}. */
    public static final String ODD_TTL_TOKEN = MYCOMPANY_TOKENS.get(2);

    public static final long RECORD_TTL = 3600;
    public static final long ODD_TTL = 300;
    public static final long SOA_MINIMUM = 3600;
    public static final long SOA_TTL = 3600;

    public static final long HEALTHY_SERIAL = 2026112801L;
    /** Serial of mycompany.test on ns1 and ns2. */
    public static final long MYCOMPANY_SERIAL = 2026112802L;
    /** Serial of mycompany.test on the drifted ns3: one behind. */
    public static final long MYCOMPANY_DRIFTED_SERIAL = 2026112801L;

    private WorldData() {
    }

    public static String address(String prefix, int host) {
        return prefix + "." + host;
    }

    /** Host octet of "ns1", "ns2" or "ns3". */
    public static int nameserverHost(String nameserver) {
        Integer host = NAMESERVER_HOSTS.get(nameserver);
        if (host == null) {
            throw new IllegalArgumentException("no nameserver '" + nameserver + "' in the world; known: " + NAMESERVERS);
        }
        return host;
    }

    /** {@code <token>._domainkey.<apex>.} */
    public static String dkimName(String token, String apex) {
        return token + "._domainkey." + ZoneText.Names.fqdn(apex);
    }

    /** {@code <token>.dkim.amazonses.com.} */
    public static String dkimTarget(String token) {
        return token + "." + SES_DKIM_ZONE + ".";
    }
}
