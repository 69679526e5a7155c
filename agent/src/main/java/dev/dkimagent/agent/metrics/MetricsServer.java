package dev.dkimagent.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The agent's HTTP endpoints: /metrics (also / and any other path; streamed, see
 * {@link MetricsHandler}), /healthz (200 "ok" while the process serves) and /readyz (200 when
 * ready, else 503 with the reason). Port 0 takes an ephemeral port. Requests run on up to
 * {@value #THREADS} daemon threads.
 */
public final class MetricsServer implements AutoCloseable {
    private static final int BACKLOG = 16;
    private static final int THREADS = 5;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    static {
        // the limits simpleclient's HTTPServer set (seconds): a stalled client cannot hold a thread forever
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "60");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", "600");
    }

    private final HttpServer http;
    private final ExecutorService threads;

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
        MetricsHandler handler = new MetricsHandler(metrics.registry());
        jdk.createContext("/", handler);
        jdk.createContext("/metrics", handler);
        this.threads = daemonThreads();
        jdk.setExecutor(threads);
        this.http = jdk;
        startOnDaemonThread(jdk);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdown();
    }

    private static ExecutorService daemonThreads() {
        int server = SERVERS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "metrics-http-" + server + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The server's dispatcher thread takes the daemon flag of the thread that starts it. */
    private static void startOnDaemonThread(HttpServer server) {
        Thread starter = new Thread(server::start, "metrics-http-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
