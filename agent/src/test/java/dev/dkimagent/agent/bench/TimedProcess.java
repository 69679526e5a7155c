package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command under GNU time ({@code /usr/bin/time}), which reports the process's own wall
 * time, user and system CPU and peak RSS after it exits: figures of the whole process, start-up
 * and exit included, read from the kernel's rusage rather than sampled.
 */
final class TimedProcess {
    private static final String MARK = "BENCH-RUSAGE";

    /** What the process cost, what it printed on stderr, and how it exited. */
    record Result(int exit, double wallSeconds, double cpuSeconds, long maxRssKb, long launchedAtMs,
                  List<String> stderr, Path stdout) {
    }

    private TimedProcess() {
    }

    static Result run(List<String> command, Map<String, String> env, Path stdout) {
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", MARK + " %e %U %S %M"));
        timed.addAll(command);
        try {
            Path stderr = Files.createTempFile("bench-stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(timed).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().putAll(env);
            long launched = System.currentTimeMillis();
            int exit = builder.start().waitFor();
            List<String> lines = Files.readAllLines(stderr);
            Files.delete(stderr);
            return parse(exit, launched, lines, stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static Result parse(int exit, long launched, List<String> lines, Path stdout) {
        String[] f = lines.stream().filter(l -> l.startsWith(MARK)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no " + MARK + " line from /usr/bin/time in " + lines))
                .split(" ");
        return new Result(exit, Double.parseDouble(f[1]), Double.parseDouble(f[2]) + Double.parseDouble(f[3]),
                Long.parseLong(f[4]), launched, lines, stdout);
    }
}
