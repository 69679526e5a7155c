package dev.dkimagent.agent.bench;

import dev.dkimagent.agent.testworld.Ports;
import dev.dkimagent.agent.testworld.DkimKey;
import dev.dkimagent.agent.testworld.Postgres;
import dev.dkimagent.agent.testworld.ZoneText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issue 11's scale bench: identities spread over many zones, swept by one cluster node, then by
 * three, each a real {@code bin/dkim-agent run} (shipped flags: -Xmx256m, serial GC) on one
 * throwaway PostgreSQL, against NSD serving every zone; the identities in an identity file, as a
 * 100,000-identity user lists them (zones and the rest in HOCON). For each run it records every
 * shard run from {@code cluster_shard} until each shard has run {@code rounds} times, then prints
 * per node the shard runs and zones it judged, the seconds it spent in shard runs, the heap in use after a
 * full GC (jcmd) and its RSS peak; and the wall of the rounds (first shard start to last shard
 * end; the shards are staggered over dns-interval) and the longest shard run. A plain main (root,
 * private network namespace: scripts/bench-cluster.sh).
 * Options: identities=100000 zones=10000 nodes=1,3 shards=16 rounds=3 interval=1m.
 */
public final class ClusterBench {
    static final String PREFIX = "127.65.0";
    static final List<String> NAMESERVERS = List.of(PREFIX + ".11", PREFIX + ".12", PREFIX + ".13");
    static final String RESOLVER = PREFIX + ".20";
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(30);
    private static final long SERIAL = 2026120601L;
    private static final String IDENTITY_FILE = "identities.txt";

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.of(args);
        int identities = Integer.parseInt(options.getOrDefault("identities", "100000"));
        int zones = Integer.parseInt(options.getOrDefault("zones", "10000"));
        int shards = Integer.parseInt(options.getOrDefault("shards", "16"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        String interval = options.getOrDefault("interval", "1m");
        List<Integer> nodeCounts = List.of(options.getOrDefault("nodes", "1,3").split(",")).stream()
                .map(Integer::parseInt).toList();
        if (identities % zones != 0) {
            throw new IllegalArgumentException("identities must be a multiple of zones");
        }
        int perZone = identities / zones;
        System.out.printf(Locale.ROOT, "cluster bench: %d identities in %d zones (%d per zone), %d shards,"
                + " dns-interval %s, %d rounds%n", identities, zones, perZone, shards, interval, rounds);
        Map<String, String> zoneTexts = zoneTexts(zones, perZone);
        List<ManyZonesNsd> servers = new ArrayList<>();
        try (Postgres postgres = Postgres.start()) {
            for (String address : NAMESERVERS) {
                servers.add(ManyZonesNsd.start(address, zoneTexts));
            }
            Map<String, String> resolverZones = new LinkedHashMap<>(zoneTexts);
            resolverZones.put(BenchIdentities.KEY_ZONE, keyZone());
            servers.add(ManyZonesNsd.start(RESOLVER, resolverZones));
            String identityLines = identityLines(zones, perZone);
            for (int nodes : nodeCounts) {
                run(postgres, nodes, new Plan(shards, zones, rounds, interval), identityLines);
            }
        } finally {
            servers.forEach(ManyZonesNsd::close);
        }
    }

    /** What each run of the bench does. */
    private record Plan(int shards, int zones, int rounds, String interval) {
    }

    private static void run(Postgres postgres, int nodes, Plan plan, String identityLines) throws Exception {
        String url = postgres.newDatabase();
        Path dir = Files.createTempDirectory("dkim-cluster-bench");
        Files.writeString(dir.resolve(IDENTITY_FILE), identityLines);
        List<BenchNode> started = new ArrayList<>();
        try {
            for (int i = 1; i <= nodes; i++) {
                started.add(BenchNode.start("bench-" + i, dir, config(url, "bench-" + i, Ports.freeLoopback(), plan)));
            }
            Map<String, ShardRun> round = awaitRounds(url, plan, started);
            System.out.printf(Locale.ROOT, "%n%d node(s):%n", nodes);
            System.out.printf(Locale.ROOT, "  %-8s %6s %7s %9s %22s %s%n", "node", "runs", "zones", "busy s",
                    "heap after full GC", "RSS");
            for (BenchNode node : started) {
                List<ShardRun> runs = round.values().stream().filter(r -> r.node.equals(node.name)).toList();
                double busy = runs.stream().mapToDouble(ShardRun::seconds).sum();
                int judged = runs.stream().mapToInt(r -> r.zones).sum();
                System.out.printf(Locale.ROOT, "  %-8s %6d %7d %9.1f %22s %s%n", node.name, runs.size(), judged,
                        busy, node.heapAfterFullGc(), node.rss());
            }
            Instant first = round.values().stream().map(r -> r.started).min(Instant::compareTo).orElseThrow();
            Instant last = round.values().stream().map(r -> r.finished).max(Instant::compareTo).orElseThrow();
            double longest = round.values().stream().mapToDouble(ShardRun::seconds).max().orElse(0);
            System.out.printf(Locale.ROOT, "  round: %.1f s from the first shard's start to the last one's end"
                    + " (%d rounds, shards staggered over dns-interval %s); longest shard run %.1f s; zones judged"
                    + " %d = %d rounds x %d%n", Duration.between(first, last).toMillis() / 1000.0, plan.rounds,
                    plan.interval, longest, round.values().stream().mapToInt(r -> r.zones).sum(), plan.rounds,
                    plan.zones);
        } finally {
            started.forEach(BenchNode::close);
        }
    }

    /** One finished run of a shard, as cluster_shard recorded it. */
    private record ShardRun(String node, Instant started, Instant finished, int zones) {
        double seconds() {
            return Duration.between(started, finished).toMillis() / 1000.0;
        }
    }

    /**
     * Polls cluster_shard (it keeps each shard's latest run) until each shard has finished
     * {@code rounds} runs; keeps every finished run seen, by shard and start, the first rounds only.
     */
    private static Map<String, ShardRun> awaitRounds(String url, Plan plan, List<BenchNode> nodes) throws Exception {
        Map<String, ShardRun> round = new TreeMap<>();
        Map<Integer, ShardRun> inProgress = new TreeMap<>();
        Instant deadline = Instant.now().plus(ROUND_LIMIT);
        while (round.size() < plan.shards * plan.rounds) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not every shard ran " + plan.rounds + " times within " + ROUND_LIMIT
                        + ": " + round.keySet());
            }
            for (BenchNode node : nodes) {
                node.requireAlive();
            }
            readFinished(url, round, inProgress, plan.rounds);
            Thread.sleep(250);
        }
        return round;
    }

    /**
     * A row shows a finished run (finished_at >= started_at), or a run in progress whose
     * finished_at and zones are still the previous run's: a busy node starts a shard's next run
     * the moment the last one ends, so that previous run is recorded from the row seen in progress
     * before (its node and start) and this one (its end and zones).
     */
    private static void readFinished(String url, Map<String, ShardRun> round, Map<Integer, ShardRun> inProgress,
                                     int rounds) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT shard, node_id, started_at, finished_at, zones FROM cluster_shard")) {
            while (rs.next()) {
                int shard = rs.getInt(1);
                Instant started = rs.getObject(3, OffsetDateTime.class).toInstant();
                OffsetDateTime finishedAt = rs.getObject(4, OffsetDateTime.class);
                Instant finished = finishedAt == null ? null : finishedAt.toInstant();
                ShardRun row = new ShardRun(rs.getString(2), started, finished, rs.getInt(5));
                if (finished != null && !finished.isBefore(started)) {
                    record(round, shard, row, rounds);
                    inProgress.remove(shard);
                    continue;
                }
                ShardRun before = inProgress.put(shard, row);
                if (before != null && before.started.isBefore(started) && finished != null
                        && !finished.isBefore(before.started)) {
                    record(round, shard, new ShardRun(before.node, before.started, finished, row.zones), rounds);
                }
            }
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) { // the table appears with the first node's migration
                throw e;
            }
        }
    }

    private static void record(Map<String, ShardRun> round, int shard, ShardRun run, int rounds) {
        long seen = round.keySet().stream().filter(k -> k.startsWith(shard + "@")).count();
        if (seen < rounds) {
            round.putIfAbsent(shard + "@" + run.started, run);
        }
    }

    /** The identities as a 100,000-identity user lists them: an identity file, beside each node's config. */
    private static String config(String url, String node, int port, Plan plan) {
        StringBuilder text = new StringBuilder("dkim-agent {\n")
                .append("  dns { resolvers = [\"").append(RESOLVER).append("\"], max-in-flight = 256,")
                .append(" per-nameserver-qps = 100000, per-resolver-qps = 100000, ipv6 = false }\n")
                .append("  zones {\n");
        String nameservers = NAMESERVERS.stream().map(a -> "\"" + a + "\"")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        for (int z = 1; z <= plan.zones; z++) {
            text.append("    \"").append(zone(z)).append("\" { nameservers = ").append(nameservers).append(" }\n");
        }
        return text.append("  }\n")
                .append("  identity-files = [\"").append(IDENTITY_FILE).append("\"]\n")
                .append("  schedule { dns-interval = ").append(plan.interval).append(" }\n")
                .append("  state { url = \"").append(url).append("\", user = \"").append(Postgres.USER).append("\" }\n")
                .append("  cluster { enabled = true, shards = ").append(plan.shards).append(", node-id = \"").append(node)
                .append("\" }\n")
                .append("  http { bind = \"127.0.0.1\", port = ").append(port).append(" }\n")
                .append("}\n").toString();
    }

    static String zone(int z) {
        return String.format(Locale.ROOT, "z%05d.cluster.test", z);
    }

    private static int identity(int z, int i, int perZone) {
        return (z - 1) * perZone + i;
    }

    /** One line per identity: {@code i<n>.<zone> token token token}. */
    private static String identityLines(int zones, int perZone) {
        StringBuilder out = new StringBuilder(zones * perZone * 130);
        for (int z = 1; z <= zones; z++) {
            for (int i = 1; i <= perZone; i++) {
                out.append('i').append(i).append('.').append(zone(z));
                BenchIdentities.tokens(identity(z, i, perZone)).forEach(token -> out.append(' ').append(token));
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static Map<String, String> zoneTexts(int zones, int perZone) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int z = 1; z <= zones; z++) {
            ZoneText zone = ZoneText.of(zone(z)).serial(SERIAL);
            for (int s = 0; s < NAMESERVERS.size(); s++) {
                zone.nameserver("ns" + (s + 1), NAMESERVERS.get(s));
            }
            for (int i = 1; i <= perZone; i++) {
                for (String token : BenchIdentities.tokens(identity(z, i, perZone))) {
                    zone.record(token + "._domainkey.i" + i, BenchIdentities.TTL, "CNAME",
                            BenchIdentities.target(token));
                }
            }
            texts.put(zone(z), zone.render());
        }
        return texts;
    }

    /** One wildcard TXT answers every target: 300,000 copies of one key would only slow NSD's start. */
    private static String keyZone() {
        String[] strings = DkimKey.generate().txtStrings().toArray(String[]::new);
        return ZoneText.of(BenchIdentities.KEY_ZONE).serial(SERIAL).nameserver("ns", RESOLVER)
                .txt("*." + BenchIdentities.KEY_ZONE + ".", BenchIdentities.TTL, strings).render();
    }
}
