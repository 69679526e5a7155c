package dev.dkimagent.agent.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar dkim-agent.jar ARGS} as a real process, to completion: what a user's shell
 * sees. Output goes to files (so any amount of it is kept without blocking the process).
 */
record JarRun(int exitCode, String out, String err, long errBytes) {
    private static final long LIMIT_SECONDS = 60;

    /** Runs the built jar in {@code dir} with {@code env} added to the inherited environment. */
    static JarRun of(Path dir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish within " + LIMIT_SECONDS + " s");
            }
            return new JarRun(process.exitValue(), head(out), head(err), Files.size(err));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The lines written to stderr. */
    List<String> errLines() {
        return err.lines().toList();
    }

    /** The shaded jar failsafe names in {@code dkim.agent.jar}; a missing jar fails the test. */
    private static Path jar() {
        String property = System.getProperty("dkim.agent.jar");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("system property dkim.agent.jar must name the built jar (run with "
                    + "mvn verify, which sets it); it is " + property);
        }
        return Path.of(property);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The first 64 KiB: enough to show any failure, small enough for an assertion message. */
    private static String head(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int n = Math.min(bytes.length, 64 * 1024);
        return new String(bytes, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }
}
