package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bin/dkim-agent run} of the cluster bench (the shipped JVM flags), its output in a
 * file, measured with jcmd and /proc, stopped by its pid.
 */
final class BenchNode implements AutoCloseable {
    final String name;
    private final Process process;
    private final Path output;

    private BenchNode(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    static BenchNode start(String name, Path dir, String config) {
        try {
            Path file = Files.writeString(dir.resolve(name + ".conf"), config);
            Path output = dir.resolve(name + ".log");
            Path launcher = Path.of(System.getProperty("bench.launcher", "bin/dkim-agent")).toAbsolutePath();
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "run", "--config", file.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            // bin/dkim-agent puts JAVA_OPTS after its own flags: BENCH_AGENT_JAVA_OPTS=-Xmx1g overrides the 256 MB
            builder.environment().put("JAVA_OPTS", System.getenv().getOrDefault("BENCH_AGENT_JAVA_OPTS", ""));
            Process process = builder.start();
            return new BenchNode(name, process, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    void requireAlive() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n"
                    + Files.readString(output));
        }
    }

    /** jcmd GC.run, then the used sizes of GC.heap_info summed (young + old, serial GC). */
    String heapAfterFullGc() throws Exception {
        jcmd("GC.run");
        long usedKb = 0;
        for (String line : jcmd("GC.heap_info").lines().toList()) {
            int at = line.indexOf(" used ");
            if (at > 0 && line.contains("total")) {
                usedKb += Long.parseLong(line.substring(at + 6).trim().split("K")[0]);
            }
        }
        return String.format(Locale.ROOT, "%.0f MB", usedKb / 1024.0);
    }

    /** Resident set now and its peak (VmRSS, VmHWM). */
    String rss() throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"));
        return status.stream().filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ")).reduce((a, b) -> a + ", " + b).orElse("?");
    }

    private String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(process.pid()), command).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
