package dev.dkimagent.agent.testworld;

import static dev.dkimagent.agent.testworld.WorldData.*;

import java.util.List;

/**
 * The zone texts of the standard world, as {@link ZoneText} builders so a test can start from
 * one and add to it before {@code render()}. Every method takes the world's address prefix.
 */
public final class WorldZones {
    private static final long ROOT_SERIAL = 2026112800L;

    private WorldZones() {
    }

    /** {@code .}: delegates {@code test.} and {@code com.} to the root server itself. */
    public static ZoneText root(String prefix) {
        String rootAddress = address(prefix, ROOT_HOST);
        return ZoneText.of(".").serial(ROOT_SERIAL).rname("hostmaster.root-servers.test.")
                .ns(ROOT_SERVER_NAME)
                .a(ROOT_SERVER_NAME, rootAddress)
                .delegation("test", ROOT_SERVER_NAME, rootAddress)
                .delegation("com", ROOT_SERVER_NAME, rootAddress);
    }

    /** {@code test.}: delegates mycompany.test and healthy.test to ns1..ns3 with glue. */
    public static ZoneText test(String prefix) {
        ZoneText zone = ZoneText.of("test").serial(ROOT_SERIAL).rname("hostmaster.root-servers.test.")
                .nameserver(ROOT_SERVER_NAME, address(prefix, ROOT_HOST));
        for (String apex : List.of(MYCOMPANY, HEALTHY)) {
            for (String ns : NAMESERVERS) {
                zone.delegation(apex + ".", ns + "." + apex + ".", address(prefix, nameserverHost(ns)));
            }
        }
        return zone;
    }

    /** {@code com.}: delegates amazonses.com to the key server. */
    public static ZoneText com(String prefix) {
        return ZoneText.of("com").serial(ROOT_SERIAL).rname("hostmaster.root-servers.test.")
                .ns(ROOT_SERVER_NAME)
                .delegation(KEY_ZONE + ".", KEY_SERVER_NAME, address(prefix, KEY_SERVER_HOST));
    }

    /**
     * A test zone's skeleton: SOA (serial, minimum and TTL of the world), NS ns1..ns3 with their
     * addresses; no DKIM records.
     */
    public static ZoneText skeleton(String prefix, String apex, long serial) {
        ZoneText zone = ZoneText.of(apex).serial(serial).minimum(SOA_MINIMUM).soaTtl(SOA_TTL);
        for (String ns : NAMESERVERS) {
            zone.nameserver(ns, address(prefix, nameserverHost(ns)));
        }
        return zone;
    }

    /** healthy.test, identical on every server: three CNAMEs with TTL 3600. */
    public static ZoneText healthy(String prefix) {
        ZoneText zone = skeleton(prefix, HEALTHY, HEALTHY_SERIAL);
        HEALTHY_TOKENS.forEach(token -> zone.dkimCname(token, RECORD_TTL));
        return zone;
    }

    /** mycompany.test as ns1 and ns2 serve it: three CNAMEs with TTL 3600. */
    public static ZoneText mycompany(String prefix) {
        ZoneText zone = skeleton(prefix, MYCOMPANY, MYCOMPANY_SERIAL);
        MYCOMPANY_TOKENS.forEach(token -> zone.dkimCname(token, RECORD_TTL));
        return zone;
    }

    /** mycompany.test as the drifted ns3 serves it: older serial, MISSING_TOKEN absent, ODD_TTL_TOKEN at 300. */
    public static ZoneText mycompanyDrifted(String prefix) {
        ZoneText zone = skeleton(prefix, MYCOMPANY, MYCOMPANY_DRIFTED_SERIAL);
        for (String token : MYCOMPANY_TOKENS) {
            if (token.equals(MISSING_TOKEN)) {
                continue;
            }
            zone.dkimCname(token, token.equals(ODD_TTL_TOKEN) ? ODD_TTL : RECORD_TTL);
        }
        return zone;
    }

    /** amazonses.com on the key server: the key TXT at every token's CNAME target. */
    public static ZoneText keys(String prefix, DkimKey key) {
        ZoneText zone = ZoneText.of(KEY_ZONE).serial(ROOT_SERIAL)
                .nameserver(KEY_SERVER_NAME, address(prefix, KEY_SERVER_HOST));
        String[] strings = key.txtStrings().toArray(String[]::new);
        ALL_TOKENS.forEach(token -> zone.txt(dkimTarget(token), RECORD_TTL, strings));
        return zone;
    }
}
