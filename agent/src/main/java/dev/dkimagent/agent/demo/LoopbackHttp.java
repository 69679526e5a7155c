package dev.dkimagent.agent.demo;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK HTTP server on an ephemeral 127.0.0.1 port with its own pool of daemon threads: what each
 * of the demo's AWS stubs (SES, S3) serves its API on.
 */
public final class LoopbackHttp implements AutoCloseable {
    private static final int BACKLOG = 64;

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackHttp(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Serves every path with {@code handler}; {@code name} (e.g. "S3 stub") names its threads and errors. */
    public static LoopbackHttp start(String name, HttpHandler handler) {
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), BACKLOG);
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            return new LoopbackHttp(server, executor);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new IllegalStateException("cannot start the " + name + " on 127.0.0.1", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
