package dev.dkimagent.agent.alert.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Slack stand-in on 127.0.0.1 for tests: an incoming webhook at {@link #WEBHOOK_PATH} and the
 * Web API methods {@code chat.postMessage} and {@code chat.update} under {@code /api/}. It records
 * every request (the Authorization header redacted) with its payload parsed to JSON (form bodies
 * too, with {@code blocks} parsed), and answers from a scripted queue per path, or with success
 * when the queue is empty. {@link #down()} stops listening (connection refused); {@link #up()}
 * listens again on the same port.
 *
 * <p>Faults: a reply may come late ({@link Reply#after}) or never ({@link Reply#hang()}); a path
 * may answer one reply until told otherwise ({@link #answerAlways}, e.g. 404 until "fixed") or
 * every request late ({@link #delayAll}). A request is recorded, and a successful chat.postMessage
 * posted (with its metadata, served back by {@code conversations.history}, or for a thread reply by
 * {@code conversations.replies}), when it arrives:
 * as Slack does, a post is taken even when its answer never reaches the client.
 */
public final class SlackStub implements AutoCloseable {

    public static final String WEBHOOK_PATH = "/services/T000/B000/XXXX";
    public static final String POST_MESSAGE = "/api/chat.postMessage";
    public static final String UPDATE = "/api/chat.update";
    public static final String HISTORY = "/api/conversations.history";
    public static final String REPLIES = "/api/conversations.replies";
    public static final String CHANNEL_ID = "C1";

    /** One request as the stub saw it. */
    public record Request(String method, String path, Map<String, String> headers, String body,
                          JsonObject payload, boolean authorized) {

        /** Every string value in the payload, concatenated: what Slack would render or parse. */
        public String payloadText() {
            StringBuilder text = new StringBuilder();
            collectStrings(payload, text);
            return text.toString();
        }

        /** A top-level string field of the payload, or null. */
        public String field(String name) {
            JsonElement value = payload.get(name);
            return value == null || value.isJsonNull() ? null : value.getAsString();
        }

        /** The Block Kit blocks of the payload (empty when none). */
        public JsonArray blocks() {
            JsonElement blocks = payload.get("blocks");
            return blocks != null && blocks.isJsonArray() ? blocks.getAsJsonArray() : new JsonArray();
        }
    }

    /** A scripted answer, sent after {@code delay} (null or zero: at once). */
    public record Reply(int status, Map<String, String> headers, String body, Duration delay) {

        public Reply(int status, Map<String, String> headers, String body) {
            this(status, headers, body, Duration.ZERO);
        }

        /** The same answer, {@code wait} later. */
        public Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }

        /** Takes the request and never answers (until the stub closes). */
        public static Reply hang() {
            return ok().after(HANG);
        }

        boolean success() {
            return status == 200 && body == null;
        }

        /** 200 with the default body for the path (webhook "ok", Web API ok=true with a fresh ts). */
        public static Reply ok() {
            return new Reply(200, Map.of(), null);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, Map.of(), body);
        }

        /** 429 with {@code Retry-After: seconds}. */
        public static Reply rateLimited(int seconds) {
            return new Reply(429, Map.of("Retry-After", Integer.toString(seconds)), "{\"ok\":false,\"error\":\"ratelimited\"}");
        }

        /** HTTP 200 with {@code {"ok":false,"error":error}}, as the Web API reports most failures. */
        public static Reply slackError(String error) {
            return new Reply(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");
        }
    }

    private static final Duration HANG = Duration.ofHours(1);

    /** A message chat.postMessage took, as conversations.history shows it. */
    private record Posted(String ts, JsonObject payload) {
        /** The thread this message replied under, or null when it is not a reply. */
        String threadTs() {
            JsonElement value = payload.get("thread_ts");
            return value == null || value.isJsonNull() || value.getAsString().isEmpty() ? null : value.getAsString();
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> always = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "slack-stub");
        thread.setDaemon(true);
        return thread;
    });
    private final long epochSecond = Instant.now().getEpochSecond();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final AtomicInteger messages = new AtomicInteger();
    private volatile String expectedToken;
    private volatile HttpServer server;
    private final int port;

    private SlackStub() {
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    /** Starts a stub on a free loopback port. */
    public static SlackStub start() {
        return new SlackStub();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The URL to configure as {@code apiUrl} (the channel appends {@code /api/}). */
    public String apiUrl() {
        return baseUrl();
    }

    public String webhookUrl() {
        return baseUrl() + WEBHOOK_PATH;
    }

    /** Web API calls whose bearer token differs get {@code invalid_auth}, as Slack answers. */
    public void expectToken(String token) {
        this.expectedToken = token;
    }

    /** Queues answers for a path, used in order before the default success. */
    public void enqueue(String path, Reply... replies) {
        Deque<Reply> queue = scripts.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(replies));
        }
    }

    /** Every request to {@code path} gets {@code reply} (after the queue) until called with null. */
    public void answerAlways(String path, Reply reply) {
        if (reply == null) {
            always.remove(path);
        } else {
            always.put(path, reply);
        }
    }

    /** Every answer on {@code path} comes {@code delay} late (null or zero: at once). */
    public void delayAll(String path, Duration delay) {
        if (delay == null || delay.isZero()) {
            delays.remove(path);
        } else {
            delays.put(path, delay);
        }
    }

    /** The ts the stub gives the n-th (1-based) message chat.postMessage took. */
    public String ts(int n) {
        return String.format("%d.%06d", epochSecond, 100 * n);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** The last request to a path; fails when there was none. */
    public Request last(String path) {
        List<Request> matching = requests(path);
        if (matching.isEmpty()) {
            throw new AssertionError("no request to " + path + "; saw " + requests.stream().map(Request::path).toList());
        }
        return matching.get(matching.size() - 1);
    }

    /** Stops listening: clients get "connection refused". */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port. */
    public synchronized void up() {
        if (server == null) {
            server = listen(port);
        }
    }

    @Override
    public void close() {
        down();
        handlers.shutdownNow();  // wakes hanging answers
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
            created.createContext("/", this::handle);
            created.setExecutor(handlers);  // a slow answer must not hold up the others
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("stub cannot listen on 127.0.0.1:" + onPort, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean authorized = authorized(exchange, path);
            JsonObject payload = parse(exchange, body);
            requests.add(new Request(exchange.getRequestMethod(), path, headers(exchange), body, payload, authorized));
            Reply reply = authorized ? next(path) : Reply.slackError("invalid_auth");
            String ts = path.equals(POST_MESSAGE) && reply.success() ? post(payload) : null;
            if (!pause(reply.delay()) || !pause(delays.get(path))) {
                return;  // the stub is closing: the client sees the connection drop
            }
            respond(exchange, reply, path, ts, payload);
        }
    }

    private synchronized String post(JsonObject payload) {
        String ts = ts(posted.size() + 1);
        posted.add(new Posted(ts, payload));
        return ts;
    }

    /** Sleeps; false when interrupted (the stub closes). */
    private static boolean pause(Duration delay) {
        if (delay == null || delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean authorized(HttpExchange exchange, String path) {
        String token = expectedToken;
        return token == null || !path.startsWith("/api/")
                || ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private Reply next(String path) {
        Deque<Reply> queue = scripts.get(path);
        if (queue != null) {
            synchronized (queue) {
                if (!queue.isEmpty()) {
                    return queue.poll();
                }
            }
        }
        Reply fixed = always.get(path);
        if (fixed != null) {
            return fixed;
        }
        return isKnown(path) ? Reply.ok() : Reply.status(404, "no_service");
    }

    private static boolean isKnown(String path) {
        return path.equals(WEBHOOK_PATH) || path.equals(POST_MESSAGE) || path.equals(UPDATE) || path.equals(HISTORY)
                || path.equals(REPLIES);
    }

    private void respond(HttpExchange exchange, Reply reply, String path, String ts, JsonObject request)
            throws IOException {
        String body = reply.body() != null ? reply.body() : defaultBody(path, ts, request);
        boolean json = body.startsWith("{");
        exchange.getResponseHeaders().set("Content-Type", json ? "application/json; charset=utf-8" : "text/plain");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String defaultBody(String path, String ts, JsonObject request) {
        if (path.equals(WEBHOOK_PATH)) {
            return "ok";
        }
        if (path.equals(HISTORY)) {
            return history(request);
        }
        if (path.equals(REPLIES)) {
            return replies(request);
        }
        String answered = ts != null ? ts : ts(1000 + messages.incrementAndGet());
        return "{\"ok\":true,\"channel\":\"" + CHANNEL_ID + "\",\"ts\":\"" + answered + "\"}";
    }

    /**
     * conversations.history: the messages chat.postMessage took since {@code oldest} that are not
     * thread replies (Slack lists replies only in their thread), newest first, {@code limit} per
     * page (default 100) with {@code has_more} and {@code response_metadata.next_cursor}.
     */
    private String history(JsonObject request) {
        double oldest = number(request, "oldest");
        List<Posted> matching = new java.util.ArrayList<>();
        for (int i = posted.size() - 1; i >= 0; i--) {
            Posted message = posted.get(i);
            if (message.threadTs() == null && Double.parseDouble(message.ts()) >= oldest) {
                matching.add(message);
            }
        }
        return page(request, matching);
    }

    /**
     * conversations.replies: the thread of the message {@code ts}, the parent first and then its
     * replies since {@code oldest}, oldest first, paged as history; {@code thread_not_found} when
     * no message has that ts.
     */
    private String replies(JsonObject request) {
        String parentTs = request.has("ts") ? request.get("ts").getAsString() : "";
        List<Posted> thread = new java.util.ArrayList<>();
        posted.stream().filter(m -> m.ts().equals(parentTs) && m.threadTs() == null).findFirst().ifPresent(thread::add);
        if (thread.isEmpty()) {
            return "{\"ok\":false,\"error\":\"thread_not_found\"}";
        }
        double oldest = number(request, "oldest");
        posted.stream().filter(m -> parentTs.equals(m.threadTs()) && Double.parseDouble(m.ts()) >= oldest)
                .forEach(thread::add);
        return page(request, thread);
    }

    private String page(JsonObject request, List<Posted> all) {
        String include = request.has("include_all_metadata") ? request.get("include_all_metadata").getAsString() : "";
        boolean withMetadata = include.equals("1") || include.equals("true");
        int limit = request.has("limit") ? Integer.parseInt(request.get("limit").getAsString()) : 100;
        int from = request.has("cursor") && !request.get("cursor").getAsString().isEmpty()
                ? Integer.parseInt(new String(java.util.Base64.getDecoder().decode(
                        request.get("cursor").getAsString()), StandardCharsets.UTF_8).substring("offset:".length()))
                : 0;
        int to = Math.min(all.size(), from + limit);
        JsonArray messages = new JsonArray();
        for (Posted message : all.subList(Math.min(from, to), to)) {
            messages.add(shown(message, withMetadata));
        }
        JsonObject body = new JsonObject();
        body.addProperty("ok", true);
        body.add("messages", messages);
        body.addProperty("has_more", to < all.size());
        if (to < all.size()) {
            JsonObject meta = new JsonObject();
            meta.addProperty("next_cursor", java.util.Base64.getEncoder().encodeToString(
                    ("offset:" + to).getBytes(StandardCharsets.UTF_8)));
            body.add("response_metadata", meta);
        }
        return body.toString();
    }

    private JsonObject shown(Posted message, boolean withMetadata) {
        JsonObject m = new JsonObject();
        m.addProperty("type", "message");
        m.addProperty("ts", message.ts());
        if (message.threadTs() != null) {
            m.addProperty("thread_ts", message.threadTs());
        }
        JsonElement text = message.payload().get("text");
        m.addProperty("text", text == null ? "" : text.getAsString());
        JsonElement metadata = message.payload().get("metadata");
        if (withMetadata && metadata != null) {
            m.add("metadata", metadata.isJsonPrimitive() ? JsonParser.parseString(metadata.getAsString()) : metadata);
        }
        return m;
    }

    private static double number(JsonObject request, String field) {
        return request.has(field) ? Double.parseDouble(request.get(field).getAsString()) : 0;
    }

    /**
     * The message keys ({@code metadata.event_payload.message_key}) of every message chat.postMessage
     * took, in order, null for one without: a key twice is a message posted twice.
     */
    public List<String> postedKeys() {
        return posted.stream().map(m -> {
            JsonElement metadata = m.payload().get("metadata");
            if (metadata == null || metadata.isJsonNull()) {
                return null;
            }
            JsonObject parsed = metadata.isJsonPrimitive()
                    ? JsonParser.parseString(metadata.getAsString()).getAsJsonObject() : metadata.getAsJsonObject();
            JsonElement payload = parsed.get("event_payload");
            JsonElement key = payload == null || !payload.isJsonObject() ? null : payload.getAsJsonObject().get("message_key");
            return key == null ? null : key.getAsString();
        }).toList();
    }

    /** The thread ts each message chat.postMessage took replied under (null: not a reply), in order. */
    public List<String> postedThreads() {
        return posted.stream().map(Posted::threadTs).toList();
    }

    /** The text of each message chat.postMessage took, in order. */
    public List<String> postedTexts() {
        return posted.stream().map(m -> m.payload().has("text") ? m.payload().get("text").getAsString() : "").toList();
    }

    /** How many messages chat.postMessage took (the answer may have been lost). */
    public int postedCount() {
        return posted.size();
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(),
                name.equalsIgnoreCase("Authorization") ? "(redacted)" : String.join(",", values)));
        return headers;
    }

    private static JsonObject parse(HttpExchange exchange, String body) {
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (body.isBlank()) {
            return new JsonObject();
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return parseForm(body);
        }
        JsonElement json = JsonParser.parseString(body);
        return json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
    }

    /** Form fields become JSON members; {@code blocks} and {@code attachments} are JSON inside the form. */
    private static JsonObject parseForm(String body) {
        JsonObject payload = new JsonObject();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("blocks") || name.equals("attachments")) {
                payload.add(name, JsonParser.parseString(value));
            } else {
                payload.addProperty(name, value);
            }
        }
        return payload;
    }

    private static void collectStrings(JsonElement element, StringBuilder text) {
        if (element == null || element.isJsonNull()) {
            return;
        }
        if (element.isJsonPrimitive()) {
            text.append(element.getAsString()).append('\n');
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(child -> collectStrings(child, text));
        } else {
            element.getAsJsonObject().entrySet().forEach(entry -> collectStrings(entry.getValue(), text));
        }
    }
}
