package dev.dkimagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    private static final String LOOPBACK = "127.0.0.1";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<Readiness> readiness = new AtomicReference<>(
            Readiness.notReady("first DNS sweep has not finished"));
    private MetricsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private MetricsServer start() throws IOException {
        AgentMetrics metrics = new AgentMetrics("1.2.3");
        metrics.publishSnapshot(Fixtures.snapshot());
        server = new MetricsServer(LOOPBACK, 0, metrics, readiness::get);
        return server;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + server.port() + path))
                .timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metrics_servesTextFormat004WithTheAgentMetrics() throws Exception {
        start();
        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body()).contains("dkim_agent_build_info{version=\"1.2.3\",} 1.0",
                "dkim_record_ok{identity=\"example.com\",selector=\"t1\"").doesNotContain("_created");
    }

    @Test
    void metrics_openMetricsRequested_servesItWithoutCreatedSeries() throws Exception {
        AgentMetrics metrics = AgentMetricsGoldenTest.fixedMetrics();
        server = new MetricsServer(LOOPBACK, 0, metrics, readiness::get);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + server.port() + "/metrics"))
                .header("Accept", "application/openmetrics-text; version=1.0.0").build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(response.body()).contains("dkim_dns_queries_total{outcome=\"timeout\"} 1.0", "# EOF")
                .doesNotContain("_created");
    }

    @Test
    void healthz_answersOkWhileServing() throws Exception {
        start();
        HttpResponse<String> response = get("/healthz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok\n");
    }

    @Test
    void readyz_notReadyThenReady_503WithReasonThen200() throws Exception {
        start();
        HttpResponse<String> before = get("/readyz");
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body()).contains("first DNS sweep has not finished");

        readiness.set(Readiness.yes());

        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void readyz_failingCheck_is503NotACrash() throws Exception {
        server = new MetricsServer(LOOPBACK, 0, new AgentMetrics("1"), () -> {
            throw new IllegalStateException("store closed");
        });
        HttpResponse<String> response = get("/readyz");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("readiness check failed");
    }

    @Test
    void constructor_portTaken_throwsIoExceptionNamingBindAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> new MetricsServer(LOOPBACK, port, new AgentMetrics("1"), Readiness::yes))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(LOOPBACK + ":" + port);
        }
    }

    @Test
    void port_zero_bindsAnEphemeralPort() throws Exception {
        assertThat(start().port()).isPositive();
    }
}
