package dev.dkimagent.agent.bench;

import dev.dkimagent.agent.testworld.DkimKey;
import dev.dkimagent.agent.testworld.Nsd;
import dev.dkimagent.agent.testworld.ZoneText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Three NSD instances serving {@code bench.test} (every identity's three CNAMEs) and a key
 * server: one more NSD serving {@code dkim.amazonses.com} (one TXT key per CNAME target) and,
 * again, {@code bench.test}. The sweep uses the key server as its "resolver": NSD answers
 * authoritative data whatever RD says, so key look-ups and discovery's NS query need no
 * unbound. All on 127.60.0.x:53 (root, as the tests).
 */
final class BenchWorld implements AutoCloseable {
    static final String PREFIX = "127.60.0";
    static final List<String> NAMESERVERS = List.of(PREFIX + ".11", PREFIX + ".12", PREFIX + ".13");
    static final String KEY_SERVER = PREFIX + ".20";
    /** Listed as a fourth nameserver in the dead-server run, bound by {@link SilentServer}: never answers. */
    static final String SILENT_SERVER = PREFIX + ".14";
    private static final long SERIAL = 2026112801L;

    private final List<Nsd> servers = new ArrayList<>();

    private BenchWorld() {
    }

    /** Starts the world for identities 1..count; closes what started if a server fails. */
    static BenchWorld start(int count) {
        BenchWorld world = new BenchWorld();
        try {
            String zone = benchZone(count);
            for (String address : NAMESERVERS) {
                world.servers.add(Nsd.start(address, Map.of(BenchIdentities.ZONE, zone)));
            }
            world.servers.add(Nsd.start(KEY_SERVER, Map.of(
                    BenchIdentities.KEY_ZONE, keyZone(count, DkimKey.generate()),
                    BenchIdentities.ZONE, zone)));
            return world;
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
    }

    @Override
    public void close() {
        servers.forEach(Nsd::close);
        servers.clear();
    }

    private static String benchZone(int count) {
        ZoneText zone = ZoneText.of(BenchIdentities.ZONE).serial(SERIAL);
        for (int i = 0; i < NAMESERVERS.size(); i++) {
            zone.nameserver("ns" + (i + 1), NAMESERVERS.get(i));
        }
        for (int n = 1; n <= count; n++) {
            for (String token : BenchIdentities.tokens(n)) {
                zone.record(token + "._domainkey." + BenchIdentities.label(n), BenchIdentities.TTL, "CNAME",
                        BenchIdentities.target(token));
            }
        }
        return zone.render();
    }

    /** One shared public key behind every target: the key probe parses it 30,000 times all the same. */
    private static String keyZone(int count, DkimKey key) {
        ZoneText zone = ZoneText.of(BenchIdentities.KEY_ZONE).serial(SERIAL).nameserver("ns", KEY_SERVER);
        String[] strings = key.txtStrings().toArray(String[]::new);
        for (int n = 1; n <= count; n++) {
            for (String token : BenchIdentities.tokens(n)) {
                zone.txt(BenchIdentities.target(token), BenchIdentities.TTL, strings);
            }
        }
        return zone.render();
    }
}
