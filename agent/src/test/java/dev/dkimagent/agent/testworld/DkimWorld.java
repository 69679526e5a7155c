package dev.dkimagent.agent.testworld;

import static dev.dkimagent.agent.testworld.WorldData.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The standard DNS world of the tests, real servers on {@code <prefix>.x} port 53:
 * a fake root (.10) serving ".", "test." and "com."; ns1/ns2/ns3 (.11-.13) serving mycompany.test
 * (ns3 drifted) and healthy.test; the SES key server (.20) serving amazonses.com; unbound (.53).
 * See {@link WorldData} for the facts and {@link WorldZones} for the zone texts.
 *
 * <p>Read-only tests use {@link #shared()}; tests that change zones start their own world on
 * another prefix ({@code DkimWorld.builder().prefix("127.57.0").start()}) and close it. Prefixes
 * taken by the harness's own tests: 127.53.0 (shared), 127.54.0, 127.55.0 (see
 * DkimWorldMutationTest); pick another per test class so classes may one day run in parallel.
 */
public final class DkimWorld implements AutoCloseable {
    private static volatile DkimWorld shared;

    /** Which server serves which zones (NSD spelling of the names). */
    public static final Map<String, List<String>> SERVED = Map.of(
            "root", List.of(".", "test", "com"),
            "ns1", List.of(MYCOMPANY, HEALTHY),
            "ns2", List.of(MYCOMPANY, HEALTHY),
            "ns3", List.of(MYCOMPANY, HEALTHY),
            "key", List.of(KEY_ZONE));

    private final String prefix;
    private final DkimKey key;
    private final Map<String, Nsd> servers;
    private final Unbound resolver;

    private DkimWorld(String prefix, DkimKey key, Map<String, Nsd> servers, Unbound resolver) {
        this.prefix = prefix;
        this.key = key;
        this.servers = servers;
        this.resolver = resolver;
    }

    /** The standard world on 127.53.0.x. */
    public static DkimWorld start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One standard world per JVM, started on first use on 127.53.0.x and stopped at JVM exit. Do not close it. */
    public static synchronized DkimWorld shared() {
        if (shared == null) {
            DkimWorld world = start();
            Runtime.getRuntime().addShutdownHook(new Thread(world::stop, "dkim-world-shutdown"));
            shared = world;
        }
        return shared;
    }

    public String prefix() {
        return prefix;
    }

    /** {@code <prefix>.<host>}, e.g. address(WorldData.NS3_HOST). */
    public String address(int host) {
        return WorldData.address(prefix, host);
    }

    public String resolverAddress() {
        return resolver.address();
    }

    public Unbound resolver() {
        return resolver;
    }

    /** "ns1", "ns2" or "ns3". */
    public Nsd nameserver(String name) {
        nameserverHost(name); // rejects unknown names with the list of known ones
        return servers.get(name);
    }

    public Nsd keyServer() {
        return servers.get("key");
    }

    public Nsd root() {
        return servers.get("root");
    }

    /** The DKIM key published at every token's CNAME target. */
    public DkimKey key() {
        return key;
    }

    /** Stops every server and deletes their files; a no-op on the {@link #shared()} world, which other tests still use. */
    @Override
    public void close() {
        if (this != shared) {
            stop();
        }
    }

    private void stop() {
        closeAll(resolver, new ArrayList<>(servers.values()));
    }

    private static void closeAll(Unbound resolver, List<Nsd> servers) {
        RuntimeException failure = null;
        List<AutoCloseable> all = new ArrayList<>(servers);
        if (resolver != null) {
            all.add(0, resolver);
        }
        for (AutoCloseable server : all) {
            try {
                server.close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("stopping the DNS world", e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Options: another address prefix, or other zone text on one server from the start. */
    public static final class Builder {
        private String prefix = DEFAULT_PREFIX;
        private final Map<String, Map<String, String>> overrides = new HashMap<>();

        private Builder() {
        }

        /** e.g. "127.54.0": every address of the world becomes 127.54.0.x. */
        public Builder prefix(String value) {
            prefix = value;
            return this;
        }

        /** Serve {@code text} for {@code apex} on {@code server} ("root", "ns1".."ns3", "key") instead of the standard zone. */
        public Builder zone(String server, String apex, String text) {
            String zone = ZoneText.Names.zoneName(apex);
            if (!SERVED.getOrDefault(server, List.of()).contains(zone)) {
                throw new IllegalArgumentException("the world has no server '" + server + "' serving '" + apex
                        + "'; servers and zones: " + SERVED);
            }
            overrides.computeIfAbsent(server, s -> new HashMap<>()).put(zone, text);
            return this;
        }

        /** Starts the NSD instances in parallel, then unbound; on any failure stops what started and rethrows. */
        public DkimWorld start() {
            DkimKey key = DkimKey.generate();
            Map<String, Map<String, String>> plan = plan(key);
            Map<String, Nsd> started = new LinkedHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(plan.size());
            try {
                Map<String, CompletableFuture<Nsd>> starting = new LinkedHashMap<>();
                plan.forEach((name, zones) -> starting.put(name,
                        CompletableFuture.supplyAsync(() -> Nsd.start(WorldData.address(prefix, hostOf(name)), zones), pool)));
                RuntimeException failure = collect(starting, started);
                if (failure != null) {
                    closeAll(null, new ArrayList<>(started.values()));
                    throw failure;
                }
                Unbound resolver = startResolver(started);
                return new DkimWorld(prefix, key, started, resolver);
            } finally {
                pool.shutdown();
            }
        }

        private Unbound startResolver(Map<String, Nsd> started) {
            try {
                return Unbound.start(WorldData.address(prefix, RESOLVER_HOST),
                        Unbound.rootHints(ROOT_SERVER_NAME, WorldData.address(prefix, ROOT_HOST)));
            } catch (RuntimeException e) {
                closeAll(null, new ArrayList<>(started.values()));
                throw e;
            }
        }

        /** Waits for every start; keeps the ones that worked, returns the first failure (unwrapped). */
        private static RuntimeException collect(Map<String, CompletableFuture<Nsd>> starting, Map<String, Nsd> started) {
            RuntimeException failure = null;
            for (Map.Entry<String, CompletableFuture<Nsd>> entry : starting.entrySet()) {
                try {
                    started.put(entry.getKey(), entry.getValue().join());
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime
                            ? runtime : new IllegalStateException(e.getCause());
                    failure = failure == null ? cause : failure;
                }
            }
            return failure;
        }

        private Map<String, Map<String, String>> plan(DkimKey key) {
            Map<String, Map<String, String>> plan = new LinkedHashMap<>();
            plan.put("root", rendered(WorldZones.root(prefix), WorldZones.test(prefix), WorldZones.com(prefix)));
            for (String ns : NAMESERVERS) {
                ZoneText mycompany = ns.equals(DRIFTED) ? WorldZones.mycompanyDrifted(prefix) : WorldZones.mycompany(prefix);
                plan.put(ns, rendered(mycompany, WorldZones.healthy(prefix)));
            }
            plan.put("key", rendered(WorldZones.keys(prefix, key)));
            overrides.forEach((server, zones) -> plan.get(server).putAll(zones));
            return plan;
        }

        /** apex (NSD spelling) -> text, in the given order: the first is the one NSD's start waits for. */
        private static Map<String, String> rendered(ZoneText... zones) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (ZoneText zone : zones) {
                texts.put(ZoneText.Names.zoneName(zone.apex()), zone.render());
            }
            return texts;
        }

        private static int hostOf(String server) {
            return switch (server) {
                case "root" -> ROOT_HOST;
                case "key" -> KEY_SERVER_HOST;
                default -> nameserverHost(server);
            };
        }
    }
}
