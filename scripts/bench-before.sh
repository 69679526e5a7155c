#!/usr/bin/env bash
# "Before" figures for scripts/bench.sh: the same sweep bench at an earlier commit (default
# d74c9ab, the previous release), built in its own git worktree, with one change applied to that
# commit's BenchRun: the process-CPU-per-sweep lines today's BenchRun prints (the patch below), so
# both sides print the same figures. Then runs it like scripts/bench.sh (own network namespace).
# Run it right after (or before) scripts/bench.sh, so both see the same machine.
# Usage: sudo scripts/bench-before.sh [name=value ...]   (options as scripts/bench.sh)
# Env: BENCH_BEFORE_COMMIT=d74c9ab  BENCH_BEFORE_DIR=target/bench-before (a worktree; reused if present)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "bench-before.sh: needs root (a private network namespace; NSD listens on 127.60.0.x:53)" >&2
  exit 2
fi
commit="${BENCH_BEFORE_COMMIT:-d74c9ab}"
dir="$(realpath -m "${BENCH_BEFORE_DIR:-target/bench-before}")"
if [ ! -d "$dir" ]; then
  git worktree add --detach "$dir" "$commit" >/dev/null
fi
cd "$dir"
if git diff --quiet -- agent/src/test/java/dev/dkimagent/agent/bench/BenchRun.java; then
  git apply <<'PATCH'
diff --git a/agent/src/test/java/dev/dkimagent/agent/bench/BenchRun.java b/agent/src/test/java/dev/dkimagent/agent/bench/BenchRun.java
index 5daef73..e02c9cc 100644
--- a/agent/src/test/java/dev/dkimagent/agent/bench/BenchRun.java
+++ b/agent/src/test/java/dev/dkimagent/agent/bench/BenchRun.java
@@ -59,6 +59,7 @@ final class BenchRun {
             long heapBefore = ResourceSampler.heapUsedAfterGc();
             long fdsBefore = ResourceSampler.openFds();
             List<Double> seconds = new java.util.ArrayList<>();
+            List<Double> cpus = new java.util.ArrayList<>();
             Retained last = null;
             try (ResourceSampler sampler = new ResourceSampler()) {
                 for (int i = 1; i <= timed; i++) {
@@ -67,6 +68,7 @@ final class BenchRun {
                     clean &= r != null;
                     if (r != null) {
                         seconds.add(r.seconds);
+                        cpus.add(r.cpuSeconds);
                         last = r;
                     }
                 }
@@ -78,35 +80,40 @@ final class BenchRun {
             }
             double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(-1);
             printSummary(seconds, last);
+            printCpu(cpus, last);
             return clean ? mean : -1;
         }
     }
 
     /** What one sweep leaves behind (kept until the heap is measured) and how long it took. */
-    private record Retained(SweepResult result, List<Verdict> verdicts, double seconds, long queries) {
+    private record Retained(SweepResult result, List<Verdict> verdicts, double seconds, long queries, double cpuSeconds) {
     }
 
     private Retained sweep(String name, DnsRuntime dns, List<Identity> list, QueryTally tally, RuleEngine engine)
             throws ExecutionException, InterruptedException {
         tally.takeCounts();
+        long cpuStart = processCpuNanos();
         long start = System.nanoTime();
         SweepResult result = dns.sweep().run(list).get();
         double seconds = (System.nanoTime() - start) / 1e9;
+        double cpu = (processCpuNanos() - cpuStart) / 1e9;
         QueryTally.Counts counts = tally.takeCounts();
+        long evalCpuStart = processCpuNanos();
         long evalStart = System.nanoTime();
         List<Verdict> verdicts = engine.evaluate(result.snapshot());
         double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
-        out.printf("  %-10s wall %7.2f s  %8d queries (%d direct, %d key, %d discovery)  %8.0f queries/s"
-                        + "  rules %5.2f s  outcomes %s%n",
-                name, seconds, counts.total(), counts.direct(), counts.keyLookups(), counts.otherResolver(),
-                counts.total() / seconds, evalSeconds, counts.outcomes());
+        double evalCpu = (processCpuNanos() - evalCpuStart) / 1e9;
+        out.printf("  %-10s wall %7.2f s  CPU %6.2f s = %5.1f us/query  %8d queries (%d direct, %d key, %d discovery)"
+                        + "  %8.0f queries/s  rules %5.2f s wall, %5.2f s CPU  outcomes %s%n",
+                name, seconds, cpu, cpu * 1e6 / counts.total(), counts.total(), counts.direct(), counts.keyLookups(), counts.otherResolver(),
+                counts.total() / seconds, evalSeconds, evalCpu, counts.outcomes());
         printSlowRules(engine, result);
         if (counts.failures() > 0) {
             out.printf("  DEFECT: %d queries did not end in a reply on loopback: %s%n",
                     counts.failures(), counts.outcomes());
             return null;
         }
-        return new Retained(result, verdicts, seconds, counts.total());
+        return new Retained(result, verdicts, seconds, counts.total(), cpu);
     }
 
     /** Each rule timed alone on the same snapshot (outside the wall time above, without the views the engine shares between rules), slowest first. */
@@ -143,6 +150,23 @@ final class BenchRun {
                 queries / s.getAverage());
     }
 
+    /** Process CPU of the timed sweeps (every thread, GC and JIT included; the rules after each sweep excluded). */
+    private void printCpu(List<Double> cpus, Retained last) {
+        if (cpus.isEmpty()) {
+            return;
+        }
+        double[] v = cpus.stream().mapToDouble(Double::doubleValue).sorted().toArray();
+        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
+        out.printf("  SUMMARY %s CPU per sweep: median %.2f s [%.2f-%.2f], %.1f us per query at the median%n",
+                label, median, v[0], v[v.length - 1], median * 1e6 / last.queries);
+    }
+
+    /** This JVM's CPU time (all threads); counts in 10 ms steps on Linux, fine for sweeps of seconds. */
+    private static long processCpuNanos() {
+        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
+                .getOperatingSystemMXBean()).getProcessCpuTime();
+    }
+
     private void printVerdicts(List<Verdict> verdicts) {
         Map<String, Integer> byCode = new TreeMap<>();
         verdicts.forEach(v -> byCode.merge(v.severity() + " " + v.finding().code(), 1, Integer::sum));
PATCH
fi

echo "building $commit in $dir (mvn package, tests compiled but not run) ..."
mvn -B -q -DskipTests -pl agent -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

cp="agent/target/test-classes:agent/target/classes:$(cat agent/target/bench.classpath)"
export cp JAVA_OPTS="${JAVA_OPTS:-}"
exec unshare -n bash -c 'ip link set lo up && exec java $JAVA_OPTS -cp "$cp" dev.dkimagent.agent.bench.SweepBench "$@"' bench "$@"
