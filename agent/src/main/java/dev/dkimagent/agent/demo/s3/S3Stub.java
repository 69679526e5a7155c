package dev.dkimagent.agent.demo.s3;

import com.sun.net.httpserver.HttpExchange;
import dev.dkimagent.agent.demo.LoopbackHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal Amazon S3 on 127.0.0.1 speaking the wire format of the S3 API reference, path-style
 * ({@code /bucket/key}): ListObjectsV2 (prefix, max-keys, continuation token, url encoding-type),
 * GetObject (with Range), DeleteObject, and S3's error XML and status codes (AccessDenied,
 * NoSuchBucket, NoSuchKey, InvalidRange, AuthorizationHeaderMalformed). Every request must carry
 * a SigV4 Authorization header shaped as AWS4-HMAC-SHA256 for service s3 in the bucket's region,
 * with x-amz-date and x-amz-content-sha256; signatures are not verified.
 */
public final class S3Stub implements AutoCloseable {
    static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([A-Z0-9]{16,128})/"
            + "(\\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");

    /** One request as the stub saw it. */
    public record Call(String method, String bucket, String key, String query, String range, String accessKey) {
    }

    private final LoopbackHttp http;
    private final Map<String, StubBucket> buckets = new ConcurrentHashMap<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final List<Call> log = new CopyOnWriteArrayList<>();
    private volatile java.time.Duration stall = java.time.Duration.ZERO;

    private S3Stub() {
        http = LoopbackHttp.start("S3 stub", this::handle);
    }

    public static S3Stub start() {
        return new S3Stub();
    }

    public URI endpoint() {
        return http.endpoint();
    }

    /** Creates (or returns) a bucket in {@code region}. */
    public StubBucket bucket(String name, String region) {
        return buckets.computeIfAbsent(name, n -> new StubBucket(n, region));
    }

    /** Every request on {@code bucket} is denied (403 AccessDenied), as with a policy lacking s3:*. */
    public void deny(String bucket) {
        denied.add(bucket);
    }

    /** Every request waits this long before it is answered (a slow or hung endpoint); ZERO = none. */
    public void stall(java.time.Duration delay) {
        stall = delay;
    }

    public List<Call> log() {
        return List.copyOf(log);
    }

    @Override
    public void close() {
        http.close();
    }

    // ---- dispatch ----------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getRawPath();
            int slash = path.indexOf('/', 1);
            String bucketName = decode(slash < 0 ? path.substring(1) : path.substring(1, slash));
            String key = slash < 0 ? "" : decode(path.substring(slash + 1));
            String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
            Matcher auth = AUTHORIZATION.matcher(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            boolean signed = auth.matches();
            log.add(new Call(ex.getRequestMethod(), bucketName, key, query, ex.getRequestHeaders().getFirst("Range"),
                    signed ? auth.group(1) : null));
            if (!stall.isZero()) {
                try {
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (refused(ex, auth, signed, bucketName)) {
                return;
            }
            route(ex, buckets.get(bucketName), key, query);
        }
    }

    /** Authentication and authorization, in S3's order: shape, bucket, region, policy. True when answered. */
    private boolean refused(HttpExchange ex, Matcher auth, boolean signed, String bucketName) throws IOException {
        if (ex.getRequestHeaders().getFirst("Authorization") == null) {
            S3ErrorXml.send(ex, 403, "AccessDenied", "Access Denied", Map.of());
            return true;
        }
        if (!signed || !"s3".equals(auth.group(4)) || !auth.group(5).contains("x-amz-date")
                || !auth.group(5).contains("host")) {
            S3ErrorXml.send(ex, 400, "AuthorizationHeaderMalformed", "The authorization header is malformed.", Map.of());
            return true;
        }
        if (ex.getRequestHeaders().getFirst("x-amz-content-sha256") == null) {
            S3ErrorXml.send(ex, 400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256",
                    Map.of());
            return true;
        }
        StubBucket bucket = buckets.get(bucketName);
        if (bucket == null) {
            S3ErrorXml.send(ex, 404, "NoSuchBucket", "The specified bucket does not exist", Map.of("BucketName", bucketName));
            return true;
        }
        if (!bucket.region().equals(auth.group(3))) {
            S3ErrorXml.send(ex, 400, "AuthorizationHeaderMalformed", "The authorization header is malformed; the region '"
                    + auth.group(3) + "' is wrong; expecting '" + bucket.region() + "'", Map.of("Region", bucket.region()));
            return true;
        }
        if (denied.contains(bucketName)) {
            S3ErrorXml.send(ex, 403, "AccessDenied", "Access Denied", Map.of());
            return true;
        }
        return false;
    }

    private static void route(HttpExchange ex, StubBucket bucket, String key, String query) throws IOException {
        Map<String, String> params = S3Requests.params(query);
        String method = ex.getRequestMethod();
        if (key.isEmpty() && method.equals("GET") && "2".equals(params.get("list-type"))) {
            respond(ex, 200, "application/xml", S3Listing.xml(bucket, params));
        } else if (!key.isEmpty() && method.equals("GET")) {
            S3Requests.getObject(ex, bucket, key);
        } else if (!key.isEmpty() && method.equals("DELETE")) {
            bucket.remove(key);
            S3Requests.headers(ex);
            ex.sendResponseHeaders(204, -1);
        } else {
            S3ErrorXml.send(ex, 501, "NotImplemented", "A header or query you provided implies functionality that is not"
                    + " implemented (this stub: ListObjectsV2, GetObject, DeleteObject)", Map.of());
        }
    }

    static void respond(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        S3Requests.headers(ex);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        respond(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    static String requestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
