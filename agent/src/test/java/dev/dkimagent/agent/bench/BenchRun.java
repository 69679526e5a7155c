package dev.dkimagent.agent.bench;

import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.wiring.DnsRuntime;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.Identity;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * One configuration measured: warm-up sweeps (JIT, first sockets), then timed sweeps, each
 * followed by a timed rules evaluation, then the resource figures. Returns whether every query
 * got a reply (a timeout on loopback is a defect, not noise).
 */
final class BenchRun {
    private final String label;
    private final int identities;
    private final int qps;
    private dev.dkimagent.rules.RuleSettings ruleSettings;
    private final int maxInFlight;
    private final int warmUps;
    private final int timed;
    private final PrintStream out;

    BenchRun(String label, int identities, int qps, int maxInFlight, int warmUps, int timed, PrintStream out) {
        this.label = label;
        this.identities = identities;
        this.qps = qps;
        this.maxInFlight = maxInFlight;
        this.warmUps = warmUps;
        this.timed = timed;
        this.out = out;
    }

    /** Runs and prints; returns the mean sweep wall time in seconds, or -1 if any query failed. */
    double run() throws ExecutionException, InterruptedException {
        Settings settings = BenchSettings.of(identities, qps, maxInFlight);
        ruleSettings = settings.rules();
        List<Identity> list = settings.identities();
        RuleEngine engine = new RuleEngine(Catalogue.all(), new Levels(settings.levels()), settings.rules(),
                Messages.load());
        QueryTally tally = new QueryTally();
        out.printf("%n== %s: %d identities, %d records, per-nameserver-qps %d, max-in-flight %d, timeout %s x %d ==%n",
                label, list.size(), records(list), qps, maxInFlight, settings.dns().timeout(), settings.dns().attempts());
        boolean clean = true;
        try (DnsRuntime dns = new DnsRuntime(settings, tally)) {
            for (int i = 1; i <= warmUps; i++) {
                clean &= sweep("warm-up " + i, dns, list, tally, engine) != null;
            }
            long heapBefore = ResourceSampler.heapUsedAfterGc();
            long fdsBefore = ResourceSampler.openFds();
            List<Double> seconds = new java.util.ArrayList<>();
            List<Double> cpus = new java.util.ArrayList<>();
            Retained last = null;
            try (ResourceSampler sampler = new ResourceSampler()) {
                for (int i = 1; i <= timed; i++) {
                    last = null; // let the previous snapshot go before the next sweep
                    Retained r = sweep("sweep " + i, dns, list, tally, engine);
                    clean &= r != null;
                    if (r != null) {
                        seconds.add(r.seconds);
                        cpus.add(r.cpuSeconds);
                        last = r;
                    }
                }
                long heapAfter = ResourceSampler.heapUsedAfterGc();
                printResources(sampler, fdsBefore, heapBefore, heapAfter, last);
            }
            if (last != null) {
                printVerdicts(last.verdicts);
            }
            double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(-1);
            printSummary(seconds, last);
            printCpu(cpus, last);
            return clean ? mean : -1;
        }
    }

    /** What one sweep leaves behind (kept until the heap is measured) and how long it took. */
    private record Retained(Snapshot result, List<Verdict> verdicts, double seconds, long queries, double cpuSeconds) {
    }

    private Retained sweep(String name, DnsRuntime dns, List<Identity> list, QueryTally tally, RuleEngine engine)
            throws ExecutionException, InterruptedException {
        tally.takeCounts();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        Snapshot result = BenchProbe.probeAll(dns, list);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        QueryTally.Counts counts = tally.takeCounts();
        long evalCpuStart = processCpuNanos();
        long evalStart = System.nanoTime();
        List<Verdict> verdicts = engine.evaluate(result);
        double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
        double evalCpu = (processCpuNanos() - evalCpuStart) / 1e9;
        out.printf("  %-10s wall %7.2f s  CPU %6.2f s = %5.1f us/query  %8d queries (%d direct, %d key, %d discovery)"
                        + "  %8.0f queries/s  rules %5.2f s wall, %5.2f s CPU  outcomes %s%n",
                name, seconds, cpu, cpu * 1e6 / counts.total(), counts.total(), counts.direct(), counts.keyLookups(), counts.otherResolver(),
                counts.total() / seconds, evalSeconds, evalCpu, counts.outcomes());
        printSlowRules(engine, result);
        if (counts.failures() > 0) {
            out.printf("  DEFECT: %d queries did not end in a reply on loopback: %s%n",
                    counts.failures(), counts.outcomes());
            return null;
        }
        return new Retained(result, verdicts, seconds, counts.total(), cpu);
    }

    /** The zone matrices, then each rule alone on them (outside the wall time above), slowest first. */
    private void printSlowRules(RuleEngine engine, Snapshot result) {
        Map<Double, String> byTime = new TreeMap<>(java.util.Comparator.reverseOrder());
        long matrixStart = System.nanoTime();
        dev.dkimagent.rules.Evaluation evaluation = dev.dkimagent.rules.Evaluation.of(result);
        byTime.put((System.nanoTime() - matrixStart) / 1e6, "matrix");
        for (dev.dkimagent.rules.Rule rule : engine.rules()) {
            long start = System.nanoTime();
            rule.evaluate(evaluation, ruleSettings);
            byTime.put((System.nanoTime() - start) / 1e6 + byTime.size() * 1e-9, rule.id());
        }
        StringBuilder line = new StringBuilder("             rules alone (ms):");
        byTime.forEach((ms, id) -> line.append(String.format(" %s %.0f", id, ms)));
        out.println(line);
    }

    private void printResources(ResourceSampler sampler, long fdsBefore, long heapBefore, long heapAfter,
                                Retained kept) {
        out.printf("  heap used after GC: %.0f MB before the timed sweeps, %.0f MB holding the last snapshot"
                        + " and its verdicts (%s)%n",
                mb(heapBefore), mb(heapAfter), kept == null ? "none" : "retained");
        out.printf("  peak threads: %d   open file descriptors: %d idle, %d peak (sampled every 2 ms)%n",
                sampler.peakThreads(), fdsBefore, sampler.peakOpenFds());
    }

    private void printSummary(List<Double> seconds, Retained last) {
        if (seconds.isEmpty()) {
            return;
        }
        java.util.DoubleSummaryStatistics s = seconds.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        long queries = last.queries;
        out.printf("  SUMMARY %s: %d timed sweeps of %d identities, wall min %.2f / mean %.2f / max %.2f s,"
                        + " %d queries per sweep, %.0f queries/s at the mean%n",
                label, seconds.size(), identities, s.getMin(), s.getAverage(), s.getMax(), queries,
                queries / s.getAverage());
    }

    /** Process CPU of the timed sweeps (every thread, GC and JIT included; the rules after each sweep excluded). */
    private void printCpu(List<Double> cpus, Retained last) {
        if (cpus.isEmpty()) {
            return;
        }
        double[] v = cpus.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        out.printf("  SUMMARY %s CPU per sweep: median %.2f s [%.2f-%.2f], %.1f us per query at the median%n",
                label, median, v[0], v[v.length - 1], median * 1e6 / last.queries);
    }

    /** This JVM's CPU time (all threads); counts in 10 ms steps on Linux, fine for sweeps of seconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void printVerdicts(List<Verdict> verdicts) {
        Map<String, Integer> byCode = new TreeMap<>();
        verdicts.forEach(v -> byCode.merge(v.severity() + " " + v.finding().code(), 1, Integer::sum));
        out.printf("  verdicts on the last snapshot: %d %s%n", verdicts.size(), byCode);
    }

    private static int records(List<Identity> list) {
        return list.stream().mapToInt(i -> i.records().size()).sum();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
