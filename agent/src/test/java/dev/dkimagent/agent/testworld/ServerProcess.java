package dev.dkimagent.agent.testworld;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A server daemon run in the foreground by a test, stopped by its own PID and those of its
 * children (NSD forks an xfrd and a server process), never by name.
 */
public final class ServerProcess {
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(5);

    private final String description;
    private final Process process;
    private final Path outputFile;

    private ServerProcess(String description, Process process, Path outputFile) {
        this.description = description;
        this.process = process;
        this.outputFile = outputFile;
    }

    /** Starts {@code command} in {@code workDir}, stdout and stderr going to {@code outputFile}. */
    public static ServerProcess start(String description, List<String> command, Path workDir, Path outputFile) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new ServerProcess(description, process, outputFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + description + " (" + command.get(0) + "): "
                    + e.getMessage() + "; " + Binaries.INSTALL_HINT, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the process wrote to stdout/stderr so far. */
    public String output() {
        return TempFiles.readOrExplain(outputFile);
    }

    /**
     * SIGKILL to the process and its children, then waits until all are gone (and the port free).
     * A test server keeps nothing worth a graceful stop, and NSD's graceful stop takes ~1.6 s
     * (its server child lingers), which every restart would pay.
     */
    public void stop() {
        List<ProcessHandle> family = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        family.forEach(ProcessHandle::destroyForcibly);
        if (!awaitExit(family)) {
            throw new IllegalStateException(description + " (pid " + pid() + ") did not exit after SIGKILL");
        }
    }

    private static boolean awaitExit(List<ProcessHandle> family) {
        Instant deadline = Instant.now().plus(EXIT_LIMIT);
        while (!family.stream().allMatch(ServerProcess::isGone)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Pause.briefly();
        }
        return true;
    }

    // A killed grandchild stays a zombie (isAlive() true) until PID 1 reaps it, which in some
    // containers takes seconds; a zombie holds no sockets, so it counts as gone.
    private static boolean isGone(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true; // no /proc entry: reaped meanwhile
        }
    }

    @Override
    public String toString() {
        return description + " (pid " + pid() + ")";
    }
}
