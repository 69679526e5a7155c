package dev.dkimagent.agent.grafana;

import dev.dkimagent.agent.testworld.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dkimagent.agent.testworld.Binaries;
import dev.dkimagent.agent.testworld.ServerProcess;
import dev.dkimagent.agent.testworld.TempFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Debian's Prometheus (/usr/bin/prometheus) scraping one target every second, on a free
 * loopback port with its TSDB in a temporary directory; stopped by its PID.
 */
final class PrometheusProcess implements AutoCloseable {
    private static final Duration READY_LIMIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final ServerProcess process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusProcess(Path dir, ServerProcess process, URI base) {
        this.dir = dir;
        this.process = process;
        this.base = base;
    }

    /** Starts Prometheus scraping {@code target} ("127.0.0.1:port") and waits until it is ready; fails with its log otherwise. */
    static PrometheusProcess start(String target) {
        Path dir = TempFiles.createDirectory("prometheus-");
        Path config = dir.resolve("prometheus.yml");
        TempFiles.write(config, config(target));
        int port = Ports.freeLoopback();
        ServerProcess process = ServerProcess.start("prometheus", List.of(Binaries.require("prometheus"),
                "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port), dir, dir.resolve("prometheus.log"));
        PrometheusProcess prometheus = new PrometheusProcess(dir, process, URI.create("http://127.0.0.1:" + port));
        try {
            prometheus.awaitReady();
        } catch (RuntimeException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    private static String config(String target) {
        return """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: dkim-agent
                    static_configs:
                      - targets: ["%s"]
                """.formatted(target);
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited at start; its log:\n" + process.output());
            }
            if (ready()) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("prometheus not ready after " + READY_LIMIT + "; its log:\n" + process.output());
    }

    private boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code /api/v1/query} at the current time: the {@code data} object ({@code resultType} and
     * {@code result}); a query Prometheus rejects throws with its error text.
     */
    JsonNode query(String promql) {
        URI uri = base.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (!"success".equals(body.path("status").asText())) {
                throw new IllegalArgumentException("prometheus rejected " + promql + ": " + body.path("errorType").asText()
                        + ": " + body.path("error").asText());
            }
            return body.path("data");
        } catch (IOException e) {
            throw new IllegalStateException("querying prometheus at " + base + ": " + e.getMessage()
                    + "; its log:\n" + process.output(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The query's result has at least one sample (a vector or matrix element, or a scalar). */
    boolean hasData(String promql) {
        JsonNode data = query(promql);
        return data.path("resultType").asText().equals("scalar") || !data.path("result").isEmpty();
    }

    /** A short pause between polls (not a timing assertion). */
    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String log() {
        return process.output();
    }


    @Override
    public void close() {
        try {
            process.stop();
        } finally {
            TempFiles.deleteRecursively(dir);
        }
    }
}
