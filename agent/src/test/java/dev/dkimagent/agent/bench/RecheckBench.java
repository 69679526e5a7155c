package dev.dkimagent.agent.bench;

import com.sun.management.OperatingSystemMXBean;
import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import dev.dkimagent.agent.daemon.Daemon;
import dev.dkimagent.agent.pipeline.ZoneOutcome;
import dev.dkimagent.agent.pipeline.ZonePipeline;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One zone rechecked in a warm daemon (issue 8 item 7): the NSD world with one identity (zone
 * {@code bench.test}: 3 Easy-DKIM CNAMEs on 3 nameservers, keys on the resolver), a real
 * {@link Daemon} in this JVM (H2 state in a temporary file, the schedule's sweep every hour so it
 * stays out of the way), then {@code zones().recheck("bench.test")} back to back: probe, matrix,
 * rules, lifecycle, commit, publish. A first loop prints per recheck the wall time and the calling
 * thread's CPU (median [min-max], 90th percentile), and the process's CPU over the whole loop (every
 * thread: the DNS loop, GC, JIT and the daemon's own timers included) per recheck; a second loop
 * the process's CPU per recheck from {@link TaskCpu}, which costs itself a little to read. Also
 * the DNS queries per recheck, read from
 * the daemon's /metrics. A plain main (root, private network namespace: scripts/bench.sh recheck).
 * Options: warmups=300 rechecks=1000. Exit status 1 if a recheck is not JUDGED or findings appear.
 */
public final class RecheckBench {
    static final String ZONE = BenchIdentities.ZONE;

    private RecheckBench() {
    }

    /** One recheck's cost, in milliseconds. */
    record Cost(double wallMs, double processCpuMs, double threadCpuMs) {
    }

    public static void main(String[] args) throws Exception {
        int warmups = option(args, "warmups", 300);
        int rechecks = option(args, "rechecks", 1000);
        Path dir = Files.createTempDirectory("dkim-recheck-bench");
        try (BenchWorld world = BenchWorld.start(1);
             Daemon daemon = Daemon.start(settings(dir), Clock.systemUTC())) {
            ZonePipeline zones = daemon.zones();
            waitForZone(zones);
            System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s, load average %.1f%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (int i = 0; i < warmups; i++) {
                recheck(zones, false);
            }
            double queriesBefore = queries(daemon.metricsPort());
            long gcBefore = gcCount();
            List<Cost> costs = new ArrayList<>(rechecks);
            long cpuBefore = processCpu();
            long wallBefore = System.nanoTime();
            for (int i = 0; i < rechecks; i++) {
                costs.add(recheck(zones, false));
            }
            double wallMs = (System.nanoTime() - wallBefore) / 1e6;
            double cpuMs = (processCpu() - cpuBefore) / 1e6;
            double perRecheck = (queries(daemon.metricsPort()) - queriesBefore) / rechecks;
            print(costs, warmups, perRecheck, gcCount() - gcBefore);
            System.out.printf(Locale.ROOT, "  whole loop: %.0f ms wall, %.0f ms process CPU (the JVM's count, every"
                    + " thread): %.2f ms wall and %.2f ms CPU per recheck on average%n",
                    wallMs, cpuMs, wallMs / rechecks, cpuMs / rechecks);
            List<Cost> perThread = new ArrayList<>(rechecks);
            for (int i = 0; i < rechecks; i++) {
                perThread.add(recheck(zones, true));
            }
            line("process CPU", perThread, Cost::processCpuMs);
            System.out.printf(Locale.ROOT, "    (a second loop of %d, each recheck read from /proc/self/task/*/schedstat,"
                    + " %.3f ms per back-to-back pair of readings; a thread's count moves at scheduler ticks and"
                    + " switches, so one reading is coarse: quote the whole loop's mean)%n", rechecks, readingCost());
            String findings = findings(daemon.metricsPort());
            if (!findings.isEmpty()) {
                System.out.println("DEFECT: the healthy zone has findings: " + findings);
                System.exit(1);
            }
        }
    }

    /** One recheck; {@code perThreadCpu}: also the process's CPU from /proc (costs about a millisecond to read). */
    private static Cost recheck(ZonePipeline zones, boolean perThreadCpu) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = perThreadCpu ? TaskCpu.nanos() : 0;
        long thread = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ZoneOutcome outcome = zones.recheck(ZONE);
        long wall = System.nanoTime() - start;
        long threadCpu = threads.getCurrentThreadCpuTime() - thread;
        long processCpu = perThreadCpu ? TaskCpu.nanos() - cpu : 0;
        if (outcome != ZoneOutcome.JUDGED) {
            System.out.println("DEFECT: recheck of " + ZONE + " ended " + outcome + " (see the log)");
            System.exit(1);
        }
        return new Cost(wall / 1e6, processCpu / 1e6, threadCpu / 1e6);
    }

    private static void print(List<Cost> costs, int warmups, double queriesPerRecheck, long collections) {
        System.out.printf(Locale.ROOT, "recheck of %s (3 records x 3 nameservers), %d after %d warm-ups,"
                        + " %.1f DNS queries each, %d GC collections in all%n",
                ZONE, costs.size(), warmups, queriesPerRecheck, collections);
        line("wall", costs, Cost::wallMs);
        line("calling thread CPU", costs, Cost::threadCpuMs);
    }

    private static void line(String name, List<Cost> costs, java.util.function.ToDoubleFunction<Cost> figure) {
        double[] sorted = costs.stream().mapToDouble(figure).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %-19s median %s ms, p90 %.2f ms%n", name,
                Spread.of(costs, figure).format("%.2f"), sorted[(int) (sorted.length * 0.9)]);
    }

    /** The bench world's settings plus a state file and an hourly schedule: a daemon that sweeps once, at start. */
    private static Settings settings(Path dir) throws Exception {
        String text = BenchSettings.text(1, 1_000_000, 256, BenchWorld.NAMESERVERS);
        text = text.substring(0, text.lastIndexOf('}')) + "  state { url = \"jdbc:h2:file:" + dir.resolve("state")
                + "\" }\n  schedule { dns-interval = 1h }\n  http { bind = \"127.0.0.1\", port = 0 }\n}\n";
        return SettingsLoader.load(ConfigFactory.parseString(text), "recheck-bench", ConfigOption.knownCodes());
    }

    /** The first sweep, started with the schedule, has located the zone. */
    private static void waitForZone(ZonePipeline zones) throws InterruptedException {
        for (int i = 0; i < 600 && !zones.watches(ZONE); i++) {
            Thread.sleep(100);
        }
        if (!zones.watches(ZONE)) {
            throw new IllegalStateException("the daemon's first sweep did not locate " + ZONE + " within 60 s");
        }
    }

    /** Sum of the daemon's DNS query counter over every label. */
    private static double queries(int port) throws IOException, InterruptedException {
        return metrics(port).lines().filter(l -> l.startsWith("dkim_dns_queries_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Finding series with a non-zero value: none expected on a healthy world. */
    private static String findings(int port) throws IOException, InterruptedException {
        return String.join("; ", metrics(port).lines()
                .filter(l -> l.startsWith("dkim_findings{") && !l.endsWith(" 0.0")).toList());
    }

    private static String metrics(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** CPU of reading the per-thread counters twice, back to back: what each /proc measurement adds. */
    private static double readingCost() {
        double[] ms = new double[101];
        for (int i = 0; i < ms.length; i++) {
            long start = TaskCpu.nanos();
            ms[i] = (TaskCpu.nanos() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static long processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static int option(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
