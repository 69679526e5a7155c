package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a recorded process spent its time, from a JFR file: CPU per Java thread (jdk.ThreadCPULoad
 * samples, summed), GC pauses, and per thread the methods most often on the stack of execution
 * samples ("inclusive"). Record with scripts/bench-check.jfc (CPU load every 500 ms, a stack
 * sample every 2 ms), e.g.
 * {@code AGENT_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/check.jfr,settings=$PWD/scripts/bench-check.jfc"
 * scripts/bench-check.sh runs=1}, then
 * {@code java -cp "$cp" dev.dkimagent.agent.bench.JfrSummary /tmp/check.jfr [frames-per-thread] [from-ms=EPOCH]}.
 * {@code from-ms} counts only events that start at or after that wall-clock instant (epoch
 * milliseconds): with the "last reply" instant the check bench prints, the finish phase alone.
 */
public final class JfrSummary {
    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        java.time.Instant from = args.length > 2
                ? java.time.Instant.ofEpochMilli(Long.parseLong(args[2].replaceFirst("^from-ms=", "")))
                : java.time.Instant.EPOCH;
        events = events.stream().filter(e -> !e.getStartTime().isBefore(from)).toList();
        Map<String, Double> cpu = new HashMap<>();
        double gcPauses = 0;
        int gcs = 0;
        Map<String, Map<String, Integer>> onStack = new HashMap<>();
        Map<String, Integer> samples = new HashMap<>();
        for (RecordedEvent e : events) {
            switch (e.getEventType().getName()) {
                case "jdk.ThreadCPULoad" -> cpu.merge(e.getThread().getJavaName(),
                        (double) e.getFloat("user") + e.getFloat("system"), Double::sum);
                case "jdk.GarbageCollection" -> {
                    gcPauses += e.getDuration("sumOfPauses").toNanos() / 1e9;
                    gcs++;
                }
                case "jdk.ExecutionSample" -> countStack(e, onStack, samples);
                default -> { }
            }
        }
        double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "GC: %d collections, pauses %.2f s in all%n", gcs, gcPauses);
        System.out.println("CPU by Java thread (share of the CPU-load samples):");
        cpu.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .forEach(c -> System.out.printf(Locale.ROOT, "  %5.1f%% %s%n", 100 * c.getValue() / total, c.getKey()));
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(2)
                .forEach(t -> printThread(t.getKey(), t.getValue(), onStack.get(t.getKey()), frames));
    }

    private static void countStack(RecordedEvent e, Map<String, Map<String, Integer>> onStack,
                                   Map<String, Integer> samples) {
        if (e.getStackTrace() == null) {
            return;
        }
        String thread = e.getThread("sampledThread").getJavaName();
        samples.merge(thread, 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            String type = f.getMethod().getType().getName();
            String name = type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
            if (seen.add(name)) {
                onStack.computeIfAbsent(thread, t -> new HashMap<>()).merge(name, 1, Integer::sum);
            }
        }
    }

    private static void printThread(String thread, int n, Map<String, Integer> methods, int frames) {
        System.out.printf(Locale.ROOT, "thread %s: %d samples; methods on the stack in >= x%% of them:%n", thread, n);
        methods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(frames)
                .forEach(m -> System.out.printf(Locale.ROOT, "  %5.1f%% %s%n", 100.0 * m.getValue() / n, m.getKey()));
    }
}
