package dev.dkimagent.agent.inventory.ses;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for an SES VPC endpoint: passes SES (v1 and v2) calls through to the stub behind it and
 * refuses every STS call with 403 AccessDenied, as an endpoint that serves SES only would.
 */
final class SesOnlyFront implements AutoCloseable {
    /** Headers the JDK client sets itself (or refuses to set); the stub does not check signatures. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade");

    private final URI behind;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger stsRefused = new AtomicInteger();

    private SesOnlyFront(URI behind) throws IOException {
        this.behind = behind;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    static SesOnlyFront in(URI behind) {
        try {
            return new SesOnlyFront(behind);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the SES-only front on 127.0.0.1", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int forwarded() {
        return forwarded.get();
    }

    int stsRefused() {
        return stsRefused.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
            if (auth.contains("/sts/aws4_request")) {
                stsRefused.incrementAndGet();
                answer(ex, 403, "text/xml", "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<Error><Type>Sender</Type><Code>AccessDenied</Code><Message>STS is not served by this"
                        + " endpoint</Message></Error><RequestId>front</RequestId></ErrorResponse>");
                return;
            }
            forwarded.incrementAndGet();
            forward(ex, body);
        }
    }

    private void forward(HttpExchange ex, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(behind.resolve(ex.getRequestURI().toString()))
                .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : ex.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("text/xml");
            answer(ex, response.statusCode(), type, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(ex, 502, "text/plain", "interrupted");
        }
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        answer(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
