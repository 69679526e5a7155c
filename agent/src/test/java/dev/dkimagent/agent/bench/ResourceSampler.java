package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Peaks of the process while a sweep runs: open file descriptors (counted in /proc/self/fd by a
 * sampling thread every few milliseconds; dnsjava opens one socket per UDP query in flight, so a
 * short spike can slip between samples) and threads (the JVM's own peak counter).
 */
final class ResourceSampler extends PeriodicSampler {
    private static final Path FDS = Path.of("/proc/self/fd");
    private static final long INTERVAL_MILLIS = 2;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong peakFds = new AtomicLong();

    ResourceSampler() {
        super("bench-fd-sampler", INTERVAL_MILLIS);
        threads.resetPeakThreadCount();
        start();
    }

    long peakOpenFds() {
        return peakFds.get();
    }

    int peakThreads() {
        return threads.getPeakThreadCount();
    }

    /** Heap in use after two full collections: what the retained objects really take. */
    static long heapUsedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    static long openFds() {
        try (Stream<Path> entries = Files.list(FDS)) {
            return entries.count();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    void sample() {
        peakFds.accumulateAndGet(openFds(), Math::max);
    }
}
