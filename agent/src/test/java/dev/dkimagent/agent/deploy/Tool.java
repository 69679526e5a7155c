package dev.dkimagent.agent.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a command-line checker (systemd-analyze, promtool, amtool); a missing one fails the test. */
final class Tool {

    /** The output and exit code of one run. */
    record Result(int exitCode, String output) {
    }

    private Tool() {
    }

    /**
     * Runs {@code binary args...} in {@code dir}, stdout and stderr merged.
     *
     * @param installHint how to get the binary, shown when it is missing
     */
    static Result run(Path dir, String installHint, String binary, String... args) {
        requireOnPath(binary, installHint);
        List<String> command = new ArrayList<>(List.of(binary));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new AssertionError("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    private static void requireOnPath(String binary, String installHint) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                return;
            }
        }
        fail(binary + " is not installed; it is needed to check the deploy files. Install it: " + installHint
                + " (or run scripts/install-test-deps.sh)");
    }
}
