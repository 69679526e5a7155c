package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * User and system CPU of each thread of another process, by thread name, as last seen before it
 * exited: a sampling thread reads /proc/PID/task/TID/stat every 20 ms (utime and stime, in clock
 * ticks of 10 ms) of the first process whose command line holds {@code marker}. The split shows
 * what JFR's execution samples miss: time a thread spends in the kernel (sending and receiving
 * datagrams) and the serial collector, which runs in the JVM's "VM Thread". The sampling costs a
 * few percent of one core.
 */
final class ThreadCpuWatch extends PeriodicSampler {
    private static final long TICK_MS = 10;
    private static final long INTERVAL_MS = 20;

    /** CPU of the threads of one name, summed. */
    record ThreadCpu(String name, long userMs, long systemMs) {
        long totalMs() {
            return userMs + systemMs;
        }
    }

    private final String marker;
    /** By /proc/PID/task/TID path: {utime, stime} ticks as last read, and the thread's name. */
    private final Map<String, long[]> lastByTask = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final long nsdAtStart = nsdCpuMs();
    private Optional<Path> process = Optional.empty();

    ThreadCpuWatch(String marker) {
        super("bench-thread-cpu", INTERVAL_MS);
        this.marker = marker;
        start();
    }

    /** {@link #nsdCpuMs()} when this watch began. */
    long nsdAtStart() {
        return nsdAtStart;
    }

    /** Stops sampling; the threads seen, busiest first. */
    Map<String, ThreadCpu> stop() {
        close();
        Map<String, ThreadCpu> byName = new HashMap<>();
        synchronized (lastByTask) {
            lastByTask.forEach((task, ticks) -> byName.merge(names.get(task), new ThreadCpu(names.get(task),
                    ticks[0] * TICK_MS, ticks[1] * TICK_MS), (a, b) -> new ThreadCpu(a.name(),
                    a.userMs() + b.userMs(), a.systemMs() + b.systemMs())));
        }
        return byName.values().stream().sorted((a, b) -> Long.compare(b.totalMs(), a.totalMs()))
                .collect(Collectors.toMap(ThreadCpu::name, t -> t, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The busiest threads in one line: "dns-client-io 1010+440 ms (user+system), ...". */
    static String format(Map<String, ThreadCpu> threads, int top) {
        return threads.values().stream().limit(top)
                .map(t -> String.format(Locale.ROOT, "%s %d+%d", t.name(), t.userMs(), t.systemMs()))
                .collect(Collectors.joining(", ")) + " ms (user+system)";
    }

    /**
     * User plus system CPU, in ms, of every process named nsd* on this machine (the bench world's
     * servers: read before and after a pass, the difference is what answering it cost them).
     */
    static long nsdCpuMs() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(ThreadCpuWatch::nsdTicks).sum() * TICK_MS;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("listing /proc", e);
        }
    }

    private static long nsdTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            if (!stat.substring(stat.indexOf('(') + 1).startsWith("nsd")) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // gone meanwhile
        }
    }

    /** Finds the process, then reads its threads until it is gone (the last reading stands). */
    @Override
    void sample() {
        if (process.isEmpty()) {
            process = find();
        } else if (Files.isDirectory(process.get())) {
            readTasks(process.get());
        }
    }

    private Optional<Path> find() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().map(p -> Path.of("/proc", Long.toString(p.pid())));
    }

    private void readTasks(Path process) {
        try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
            tasks.forEach(this::readTask);
        } catch (IOException e) {
            // the process exited between two samples: the last ones stand
        }
    }

    private void readTask(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            String key = task.toString();
            synchronized (lastByTask) {
                // the latest name: a thread may be renamed after it starts (the JVM's are, once)
                names.put(key, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                lastByTask.put(key, new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])});
            }
        } catch (IOException | RuntimeException e) {
            // a thread that ended between listing and reading keeps its last sample
        }
    }
}
