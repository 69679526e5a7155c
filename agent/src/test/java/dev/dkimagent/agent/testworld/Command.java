package dev.dkimagent.agent.testworld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short tool (nsd-checkzone, unbound-control ...) to completion and keeps its output. */
public final class Command {
    private static final long TIMEOUT_SECONDS = 30;

    /** Exit code and combined stdout+stderr of a finished command. */
    public record Result(List<String> command, int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** Throws IllegalStateException with the command and its output unless it exited 0. */
        public Result orThrow(String what) {
            if (!succeeded()) {
                throw new IllegalStateException(what + " failed (exit " + exitCode + "): "
                        + String.join(" ", command) + "\n" + output.strip());
            }
            return this;
        }
    }

    private Command() {
    }

    /** Runs {@code binary} (looked up with {@link Binaries#require}) with {@code args}. */
    public static Result run(String binary, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Binaries.require(binary));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command) + "\n" + output);
            }
            return new Result(List.copyOf(command), process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + ": " + Binaries.INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
