package dev.dkimagent.agent.daemon;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code java -jar dkim-agent.jar run --config FILE} as a real child process: its output goes to
 * a file (shown in failure messages), its endpoints are fetched over HTTP, and it is stopped by
 * its own PID (SIGTERM or SIGKILL), never by name.
 */
final class AgentProcess implements AutoCloseable {
    static final Duration READY_LIMIT = Duration.ofSeconds(60);
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An HTTP answer of the agent. */
    record Reply(int status, String body) {
    }

    private final Process process;
    private final Path output;
    private final int port;

    private AgentProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts {@code run} with {@code config}; {@code env} adds to the inherited environment. */
    static AgentProcess start(Path config, int port, Map<String, String> env, Path output) {
        return start(List.of(), List.of(), config, port, env, output);
    }

    /**
     * As above, with {@code wrapper} before the java command (e.g. {@code unshare -m ...}, which
     * must exec it, so that the PID stays the agent's) and {@code runOptions} after {@code run}.
     */
    static AgentProcess start(List<String> wrapper, List<String> runOptions, Path config, int port,
                              Map<String, String> env, Path output) {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(java(), "-jar", jar().toString(), "run", "--config", config.toString()));
        command.addAll(runOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(config.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new AgentProcess(process, output, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The shaded jar failsafe names in {@code dkim.agent.jar}. */
    static Path jar() {
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

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until /readyz answers 200 (the first sweep is done); fails with the agent's output. */
    AgentProcess awaitReady() {
        try {
            await("agent ready on port " + port).atMost(READY_LIMIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("agent exited with " + process.exitValue()
                                    + " before it was ready; output:\n" + output());
                        }
                        return tryGet("/readyz") == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("agent not ready within " + READY_LIMIT + "; output:\n" + output(), e);
        }
        return this;
    }

    Reply get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " on the agent failed; output:\n" + output(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int tryGet(String path) {
        try {
            return get(path).status();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    /** The /metrics text. */
    MetricsText metrics() {
        Reply reply = get("/metrics");
        if (reply.status() != 200) {
            throw new IllegalStateException("/metrics answered " + reply.status() + ": " + reply.body());
        }
        return new MetricsText(reply.body());
    }

    /** SIGTERM, then waits for the exit; returns how long the process took to exit. */
    Duration sigterm() {
        long started = System.nanoTime();
        process.destroy();
        awaitExit();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill9() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Waits for a process that exits by itself (e.g. refuses to start); returns its exit code. */
    int awaitExit() {
        try {
            if (!process.waitFor(EXIT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("agent " + pid() + " did not exit within " + EXIT_LIMIT + "; output:\n"
                        + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int exitCode() {
        return process.exitValue();
    }

    /** Everything the agent printed so far. */
    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e.getMessage() + ")";
        }
    }

    /** Kills a still-running agent (a failed test must not leave it behind). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(EXIT_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
