package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent against the wire's limit, in one run: starts the NSD world of {@link BenchWorld}, then
 * runs, interleaved, dnsperf's one pass over the same names and servers ({@link DnsperfPass}) and
 * the agent's whole {@code check} process ({@link AgentCheckRun}), {@code runs} times each, and
 * prints each figure as median [min-max] plus the issue-10 targets. A plain main (needs root for
 * 127.60.0.x:53; scripts/bench-check.sh runs it in a private network namespace).
 * Options: identities=10000 runs=5 in-flight=256 threads=0 (1: each check's busiest threads, user and system
 * CPU, from /proc; {@link ThreadCpuWatch}). The agent's extra JVM flags: env AGENT_JAVA_OPTS.
 * Env REFERENCE_LAUNCHER (another build's bin/dkim-agent, e.g. of the previous commit) adds its
 * check to every round, right after the agent's, and prints its figures too: a before/after in one run.
 * Exit 1 when a check reported a finding or failed (the world is healthy: there must be none).
 */
public final class CheckBench {
    private CheckBench() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Integer> o = BenchOptions.numbers(args);
        int identities = o.getOrDefault("identities", 10_000);
        int runs = o.getOrDefault("runs", 5);
        int inFlight = o.getOrDefault("in-flight", 256);
        boolean watchThreads = o.getOrDefault("threads", 0) == 1;
        Path launcher = Path.of(System.getProperty("bench.launcher", "bin/dkim-agent")).toAbsolutePath();
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("dkim-check-bench");
        Path config = dir.resolve("bench.conf");
        Files.writeString(config, BenchSettings.text(identities, 1_000_000, inFlight, BenchWorld.NAMESERVERS));
        String agentOpts = System.getenv().getOrDefault("AGENT_JAVA_OPTS", "");
        out.printf(Locale.ROOT, "check bench: %d identities, %d runs each, max-in-flight %d, qps limits lifted;"
                + " agent %s (AGENT_JAVA_OPTS='%s'); %d cores%n", identities, runs, inFlight, launcher, agentOpts,
                Runtime.getRuntime().availableProcessors());
        List<DnsperfPass.Result> perf = new ArrayList<>();
        List<AgentCheckRun.Result> agent = new ArrayList<>();
        List<AgentCheckRun.Result> reference = new ArrayList<>();
        String referenceLauncher = System.getenv().getOrDefault("REFERENCE_LAUNCHER", "");
        List<Double> loads = new ArrayList<>();
        boolean clean = true;
        try (BenchWorld world = BenchWorld.start(identities)) {
            DnsperfPass dnsperf = DnsperfPass.prepare(identities, dir);
            AgentCheckRun check = new AgentCheckRun(launcher, config, agentOpts);
            for (int i = 1; i <= runs; i++) {
                long nsdBefore = watchThreads ? ThreadCpuWatch.nsdCpuMs() : 0;
                DnsperfPass.Result p = dnsperf.run();
                perf.add(p);
                if (watchThreads) {
                    out.printf(Locale.ROOT, "  dnsperf pass: dnsperf %.0f ms, nsd %d ms of CPU%n", p.cpuSeconds() * 1e3,
                            ThreadCpuWatch.nsdCpuMs() - nsdBefore);
                }
                ThreadCpuWatch watch = watchThreads ? new ThreadCpuWatch(config.toString()) : null;
                AgentCheckRun.Result a = check.run(dir.resolve("check-" + i + ".json"));
                agent.add(a);
                clean &= a.exit() == 0;
                printRun(out, i, p, a);
                printThreads(out, watch);
                if (!referenceLauncher.isEmpty()) {
                    watch = watchThreads ? new ThreadCpuWatch(config.toString()) : null;
                    AgentCheckRun.Result r = new AgentCheckRun(Path.of(referenceLauncher).toAbsolutePath(), config,
                            agentOpts).run(dir.resolve("reference-" + i + ".json"));
                    reference.add(r);
                    clean &= r.exit() == 0;
                    out.print("reference: ");
                    printRun(out, i, p, r);
                    printThreads(out, watch);
                }
                loads.add(loadAverage());
            }
        }
        new CheckBenchSummary(perf, agent, out).print();
        if (!reference.isEmpty()) {
            out.println();
            out.println("reference " + referenceLauncher + ", in the same rounds:");
            new CheckBenchSummary(perf, reference, out).print();
        }
        out.printf(Locale.ROOT, "load average (1 min) after each run: median %s: other work on this machine"
                + " shared its %d cores%n", Spread.of(loads, Double::doubleValue).format("%.1f"),
                Runtime.getRuntime().availableProcessors());
        out.println(clean ? "every check: exit 0, no findings (as the healthy world must give)"
                : "DEFECT: a check exited non-zero; see its JSON in " + dir);
        System.exit(clean ? 0 : 1);
    }

    private static void printRun(PrintStream out, int i, DnsperfPass.Result p, AgentCheckRun.Result a) {
        out.printf(Locale.ROOT, "run %d  dnsperf %d q in %.2f s = %.0f q/s | agent exit %d, %d q, wall %.2f s"
                        + " (start %.2f, sweep %.2f, finish %.2f), sweep %.0f q/s, CPU %.2f s = %.1f us/q, RSS %d MB,"
                        + " last reply at %d (epoch ms), load %.1f%n",
                i, p.queries(), p.seconds(), p.qps(), a.exit(), a.queries(), a.wallSeconds(), a.startSeconds(),
                a.sweepSeconds(), a.finishSeconds(), a.sweepQps(), a.cpuSeconds(), a.cpuMicrosPerQuery(),
                a.maxRssKb() / 1024, a.lastReplyEpochMs(), loadAverage());
    }

    /** With threads=1: the check's busiest threads, user and system CPU (see {@link ThreadCpuWatch}). */
    private static void printThreads(PrintStream out, ThreadCpuWatch watch) {
        if (watch != null) {
            out.println("  threads: " + ThreadCpuWatch.format(watch.stop(), 6) + "; nsd "
                    + (ThreadCpuWatch.nsdCpuMs() - watch.nsdAtStart()) + " ms of CPU meanwhile");
        }
    }

    /** The 1-minute load average (/proc/loadavg): how busy the machine was around a run. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
