package dev.dkimagent.agent.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * The sweep benchmark: a plain main (never a JUnit test, so `mvn verify` does not run it).
 * Starts NSD on 127.60.0.x:53 (needs root), then measures
 * <ol>
 *   <li>"fast": every identity, per-nameserver-qps high enough not to limit (default 1,000,000:
 *       10,000 would already be a floor of 3 s, 30,000 TXT queries per server spaced 100 us apart);</li>
 *   <li>"polite": a slice of the identities at the shipped default of 100 qps, extrapolated to
 *       all of them (the rate limit makes the time linear in queries per server).</li>
 * </ol>
 * Options (all optional): identities=10000 qps=1000000 in-flight=256 warmups=1 sweeps=3
 * polite-identities=1000 polite-qps=100 (polite-identities=0 skips the polite run)
 * dead-server-identities=0 (above 0: one more sweep of that many identities with a fourth
 * nameserver address that never answers, at the "fast" qps).
 * Exit status 1 when any query ended in something other than a reply.
 */
public final class SweepBench {
    private SweepBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> o = BenchOptions.numbers(args);
        int identities = o.getOrDefault("identities", 10_000);
        int inFlight = o.getOrDefault("in-flight", 256);
        int politeIdentities = o.getOrDefault("polite-identities", 1_000);
        int politeQps = o.getOrDefault("polite-qps", 100);
        PrintStream out = System.out;
        printMachine(out);
        boolean clean;
        try (BenchWorld world = startWorld(identities, out)) {
            double fast = new BenchRun("fast", identities, o.getOrDefault("qps", 1_000_000), inFlight,
                    o.getOrDefault("warmups", 1), o.getOrDefault("sweeps", 3), out).run();
            clean = fast >= 0;
            if (politeIdentities > 0) {
                double polite = new BenchRun("polite", Math.min(politeIdentities, identities), politeQps, inFlight,
                        0, 1, out).run();
                clean &= polite >= 0;
                printExtrapolation(out, polite, Math.min(politeIdentities, identities), identities, politeQps);
            }
            int deadIdentities = o.getOrDefault("dead-server-identities", 0);
            if (deadIdentities > 0) {
                clean &= new DeadServerRun(Math.min(deadIdentities, identities), o.getOrDefault("qps", 1_000_000),
                        inFlight, out).run();
            }
        }
        out.println(clean ? "\nAll queries answered." : "\nDEFECT: some queries failed; see the lines above.");
        System.exit(clean ? 0 : 1);
    }

    private static BenchWorld startWorld(int identities, PrintStream out) {
        long start = System.nanoTime();
        BenchWorld world = BenchWorld.start(identities);
        out.printf("world: 3 NSD on %s serving %s, key server NSD on %s (also the resolver); up in %.1f s%n",
                BenchWorld.NAMESERVERS, BenchIdentities.ZONE, BenchWorld.KEY_SERVER, (System.nanoTime() - start) / 1e9);
        return world;
    }

    private static void printMachine(PrintStream out) {
        Runtime rt = Runtime.getRuntime();
        out.printf("machine: %d cores, Java %s, max heap %d MB, %s%n", rt.availableProcessors(),
                System.getProperty("java.version"), rt.maxMemory() / (1024 * 1024),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private static void printExtrapolation(PrintStream out, double seconds, int measured, int all, int qps) {
        if (seconds < 0) {
            return;
        }
        out.printf("  extrapolated to %d identities at %d qps: %.0f s (%.1f min), measured %d and scaled linearly:"
                        + " each server gets %d direct queries per healthy identity (TXT first), spaced 1/%d s apart%n",
                all, qps, seconds * all / measured, seconds * all / measured / 60, measured,
                BenchIdentities.TOKENS_PER_IDENTITY, qps);
    }

    /** "name=value" pairs, values integers. */
}
