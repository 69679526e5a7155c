package dev.dkimagent.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The agent's HTTP endpoints: /metrics (also /), /healthz (200 "ok" while the process serves) and
 * /readyz (200 when ready, else 503 with the reason). Port 0 takes an ephemeral port.
 */
public final class MetricsServer implements AutoCloseable {
    private static final int BACKLOG = 16;

    private final HTTPServer http;

    /**
     * @param bind an address or host to listen on; null or empty listens on every address
     * @throws IOException naming bind:port when the address cannot be bound (e.g. port in use)
     */
    public MetricsServer(String bind, int port, AgentMetrics metrics, Supplier<Readiness> ready)
            throws IOException {
        HttpServer jdk = listen(bind, port);
        metrics.includeProcessMetrics();
        jdk.createContext("/healthz", exchange -> reply(exchange, 200, "ok"));
        jdk.createContext("/readyz", exchange -> readiness(exchange, ready));
        this.http = new HTTPServer.Builder()
                .withHttpServer(jdk)
                .withRegistry(metrics.registry())
                .withDaemonThreads(true)
                .build();
    }

    public int port() {
        return http.getPort();
    }

    @Override
    public void close() {
        http.close();
    }

    private static HttpServer listen(String bind, int port) throws IOException {
        boolean wildcard = bind == null || bind.isBlank();
        InetSocketAddress address = wildcard ? new InetSocketAddress(port) : new InetSocketAddress(bind, port);
        String where = (wildcard ? "*" : bind) + ":" + port;
        if (address.isUnresolved()) {
            throw new IOException("cannot serve metrics on " + where + ": the bind address does not resolve");
        }
        try {
            return HttpServer.create(address, BACKLOG);
        } catch (BindException e) {
            throw new IOException("cannot serve metrics on " + where + ": " + e.getMessage()
                    + " (is another process using the port? set another metrics port or bind address)", e);
        }
    }

    private static void readiness(HttpExchange exchange, Supplier<Readiness> ready) throws IOException {
        Readiness now;
        try {
            now = ready.get();
        } catch (RuntimeException e) {
            now = Readiness.notReady("readiness check failed: " + e.getClass().getSimpleName());
        }
        if (now != null && now.ready()) {
            reply(exchange, 200, "ready");
        } else {
            reply(exchange, 503, now == null || now.reason() == null ? "not ready" : now.reason());
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
