package dev.dkimagent.agent.probe;

import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static dev.dkimagent.agent.testworld.WorldData.NAMESERVERS;
import static dev.dkimagent.agent.testworld.WorldData.NS1_HOST;
import static dev.dkimagent.agent.testworld.WorldData.NS2_HOST;
import static dev.dkimagent.agent.testworld.WorldData.NS3_HOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import dev.dkimagent.agent.dns.FakeNameserver;
import dev.dkimagent.agent.dns.QueryEvent;
import dev.dkimagent.agent.dns.Reply;
import dev.dkimagent.agent.testworld.DkimWorld;
import dev.dkimagent.agent.testworld.WorldData;
import dev.dkimagent.agent.testworld.WorldZones;
import dev.dkimagent.agent.testworld.ZoneText;
import dev.dkimagent.agent.wiring.DnsRuntime;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/**
 * How many queries one identity costs, counted from the DNS client's query events, against real
 * NSD servers (ns1..ns3 serve healthy.test with one name per special case) and, for a CNAME beside
 * other data (NSD refuses to load that), the in-process responder. TXT goes first; CNAME, A and
 * AAAA only when the TXT answer leaves the record open. Each case is judged end to end too.
 */
class ZoneProbeQueriesTest {
    private static final String PREFIX = "127.59.0";
    private static final String FLATTENED = "flattened";
    private static final String WRONG_TYPE = "wrongtype";
    private static final String WRONG_TARGET = "wrongtarget";
    private static final String MISSING = "missing";
    private static DkimWorld world;

    @BeforeAll
    static void startWorld() {
        ZoneText zone = WorldZones.healthy(PREFIX)
                .a(FLATTENED + "._domainkey", "192.0.2.1")
                .record(FLATTENED + "._domainkey", null, "AAAA", "2001:db8::1")
                .txt(WRONG_TYPE + "._domainkey", 3600, "v=DKIM1; k=rsa; p=MIIB")
                .cname(WRONG_TARGET, "elsewhere.example.com", 3600);
        DkimWorld.Builder builder = DkimWorld.builder().prefix(PREFIX);
        String text = zone.render();
        NAMESERVERS.forEach(ns -> builder.zone(ns, HEALTHY, text));
        world = builder.start();
    }

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void healthyEasyDkimIdentity_costsOneTxtPerRecordAndServer_plusItsThreeKeys() {
        Swept swept = sweep(identity(HEALTHY, HEALTHY_TOKENS), Map.of(), world.resolverAddress());

        // 3 records x 3 servers: one TXT each (the full set asked CNAME and TXT: 18), and 3 key look-ups
        assertThat(swept.direct()).isEqualTo(Map.of("TXT", 9));
        assertThat(swept.keyLookups()).isEqualTo(3);
        assertThat(swept.findings()).isEmpty();
    }

    @Test
    void missingRecord_costsOneTxtPerServer() {
        Swept swept = sweep(identity(HEALTHY, List.of(MISSING)), Map.of(), world.resolverAddress());

        assertThat(swept.direct()).isEqualTo(Map.of("TXT", 3));
        assertThat(swept.findings()).containsExactlyInAnyOrder(onEveryServer("DKIM01.RECORD_MISSING", MISSING,
                "DKIM05.KEY_MISSING@" + MISSING + "@-"));
    }

    @Test
    void wrongTarget_isReadFromTheTxtAnswer_oneTxtPerServer() {
        Swept swept = sweep(identity(HEALTHY, List.of(WRONG_TARGET)), Map.of(), world.resolverAddress());

        assertThat(swept.direct()).isEqualTo(Map.of("TXT", 3));
        assertThat(swept.findings()).containsExactlyInAnyOrder(onEveryServer("DKIM01.RECORD_WRONG_TARGET",
                WRONG_TARGET, "DKIM05.KEY_MISSING@" + WRONG_TARGET + "@-"));
    }

    @Test
    void flattenedRecord_asksCnameThenAAndAaaa() {
        Swept swept = sweep(identity(HEALTHY, List.of(FLATTENED)), Map.of(), world.resolverAddress());

        assertThat(swept.direct()).isEqualTo(Map.of("TXT", 3, "CNAME", 3, "A", 3, "AAAA", 3));
        assertThat(swept.findings()).containsExactlyInAnyOrder(onEveryServer("DKIM01.RECORD_WRONG_TYPE", FLATTENED,
                "DKIM05.KEY_MISSING@" + FLATTENED + "@-"));
    }

    @Test
    void txtKeyWhereTheCnameBelongs_asksCnameThenAAndAaaa() {
        Swept swept = sweep(identity(HEALTHY, List.of(WRONG_TYPE)), Map.of(), world.resolverAddress());

        assertThat(swept.direct()).isEqualTo(Map.of("TXT", 3, "CNAME", 3, "A", 3, "AAAA", 3));
        assertThat(swept.findings()).containsExactlyInAnyOrder(onEveryServer("DKIM01.RECORD_WRONG_TYPE", WRONG_TYPE,
                "DKIM05.KEY_MISSING@" + WRONG_TYPE + "@-"));
    }

    @Test
    void cnameBesideTxt_isCaughtWithTxtAndCname() throws Exception {
        String zone = "cnamedata.test";
        String name = "t1._domainkey." + zone;
        String target = "t1.dkim.amazonses.com";
        try (FakeNameserver server = FakeNameserver.start(); FakeNameserver resolver = FakeNameserver.start()) {
            Record cname = FakeNameserver.rr(name + ". 3600 IN CNAME " + target + ".");
            server.on(zone, "SOA", Reply.answer(FakeNameserver.soa(zone, 1)))
                    .on(name, "TXT", Reply.answer(cname, FakeNameserver.rr(name + ". 3600 IN TXT \"x\"")))
                    .on(name, "CNAME", Reply.answer(cname));
            String key = world.key().txtStrings().stream().collect(Collectors.joining("\" \"", "\"", "\""));
            resolver.on(target, "TXT", Reply.answer(FakeNameserver.rr(target + ". 300 IN TXT " + key)))
                    .otherwise(Reply.withRcode(Rcode.NXDOMAIN));

            Swept swept = sweep(identity(zone, List.of("t1")), Map.of(zone, server.address()), resolver.address());

            assertThat(swept.direct()).isEqualTo(Map.of("TXT", 1, "CNAME", 1));
            assertThat(server.queryCount(name, "TXT")).isEqualTo(1);
            assertThat(server.queryCount(name, "CNAME")).isEqualTo(1);
            assertThat(swept.findings()).containsExactlyInAnyOrder("DKIM04.CNAME_AND_OTHER_DATA@t1@" + server.address());
        }
    }

    private static String[] onEveryServer(String code, String selector, String... more) {
        List<String> out = new java.util.ArrayList<>();
        for (int host : List.of(NS1_HOST, NS2_HOST, NS3_HOST)) {
            out.add(code + "@" + selector + "@" + WorldData.address(PREFIX, host));
        }
        out.addAll(List.of(more));
        return out.toArray(String[]::new);
    }

    private static String identity(String domain, List<String> tokens) {
        return "{ domain = \"" + domain + "\", tokens = ["
                + tokens.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ")) + "] }";
    }

    /** What one sweep of one identity asked and found. */
    private record Swept(Map<String, Integer> direct, int keyLookups, List<String> findings) {
    }

    /** Locates, probes and judges one identity; counts direct record queries by type and key look-ups. */
    private static Swept sweep(String identity, Map<String, String> zoneOverrides, String resolver) {
        Tally tally = new Tally();
        String zones = zoneOverrides.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\" { nameservers = [\"" + e.getValue() + "\"] }")
                .collect(Collectors.joining(" "));
        Settings settings = settings("dkim-agent { dns { resolvers = [\"" + resolver + "\"], timeout = 1s, attempts = 2,"
                + " ipv6 = false }\n zones { " + zones + " }\n identities = [ " + identity + " ] }");
        try (DnsRuntime dns = new DnsRuntime(settings, tally)) {
            ZoneIndex index = dns.locator().locate(settings.identities()).get();
            ZoneWork work = index.zones().values().iterator().next();
            Snapshot snapshot = dns.probe().probe(work, Instant.now()).get();
            List<Verdict> verdicts = new RuleEngine(Catalogue.all(), Levels.defaults(), RuleSettings.defaults(),
                    Messages.load()).evaluate(snapshot);
            return new Swept(tally.direct(), tally.keyLookups.get(), verdicts.stream().map(ZoneProbeQueriesTest::code).toList());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code(Verdict v) {
        var s = v.finding().subject();
        return v.finding().code() + "@" + (s.selector() == null ? "-" : s.selector()) + "@"
                + (s.address() == null ? "-" : s.address());
    }

    private static Settings settings(String text) {
        try {
            return SettingsLoader.load(ConfigFactory.parseString(text), "test", ConfigOption.knownCodes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Direct queries for records (TXT, CNAME, A, AAAA) by type, and TXT look-ups through the resolver. */
    private static final class Tally implements Consumer<QueryEvent> {
        private final Map<String, AtomicInteger> direct = new ConcurrentHashMap<>();
        private final AtomicInteger keyLookups = new AtomicInteger();

        @Override
        public void accept(QueryEvent e) {
            if (e.recursive()) {
                if (e.type().equals("TXT")) {
                    keyLookups.incrementAndGet();
                }
            } else if (List.of("TXT", "CNAME", "A", "AAAA").contains(e.type())) {
                direct.computeIfAbsent(e.type(), t -> new AtomicInteger()).incrementAndGet();
            }
        }

        Map<String, Integer> direct() {
            Map<String, Integer> out = new TreeMap<>();
            direct.forEach((type, n) -> out.put(type, n.get()));
            return out;
        }
    }
}
