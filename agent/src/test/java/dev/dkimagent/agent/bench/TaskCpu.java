package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU time in nanoseconds, summed over its threads from Linux's
 * /proc/self/task/N/schedstat (first field: time on a CPU, in ns). The JVM's own process CPU
 * time counts in 10 ms steps here, too coarse for one recheck of a few milliseconds; this
 * counts every thread, GC and JIT threads included (a thread that exits between two readings
 * takes its time with it).
 */
final class TaskCpu {
    private static final Path TASKS = Path.of("/proc/self/task");

    private TaskCpu() {
    }

    static long nanos() {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                sum += firstField(task.resolve("schedstat"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + TASKS, e);
        }
        return sum;
    }

    private static long firstField(Path schedstat) {
        try {
            String text = Files.readString(schedstat);
            return Long.parseLong(text.substring(0, text.indexOf(' ')));
        } catch (IOException gone) {
            return 0; // the thread ended between listing and reading
        }
    }
}
