package dev.dkimagent.agent.demo.s3;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GetObject (whole or one byte range, as RFC 9110 and S3 answer it) and what every S3 response carries. */
final class S3Requests {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private S3Requests() {
    }

    static void getObject(HttpExchange ex, StubBucket bucket, String key) throws IOException {
        StubBucket.StoredObject object = bucket.object(key);
        if (object == null) {
            S3ErrorXml.send(ex, 404, "NoSuchKey", "The specified key does not exist.", Map.of("Key", key));
            return;
        }
        byte[] data = object.data();
        ex.getResponseHeaders().add("ETag", object.etag());
        ex.getResponseHeaders().add("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                object.lastModified().atZone(ZoneOffset.UTC)));
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range == null) {
            S3Stub.respond(ex, 200, "application/octet-stream", data);
            return;
        }
        Matcher m = RANGE.matcher(range.trim());
        if (!m.matches()) {
            S3Stub.respond(ex, 200, "application/octet-stream", data); // S3 ignores a range it cannot parse
            return;
        }
        long first = Long.parseLong(m.group(1));
        if (first >= data.length) {
            ex.getResponseHeaders().add("Content-Range", "bytes */" + data.length);
            S3ErrorXml.send(ex, 416, "InvalidRange", "The requested range is not satisfiable",
                    Map.of("RangeRequested", range, "ActualObjectSize", String.valueOf(data.length)));
            return;
        }
        long last = m.group(2).isEmpty() ? data.length - 1 : Math.min(Long.parseLong(m.group(2)), data.length - 1);
        ex.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + data.length);
        S3Stub.respond(ex, 206, "application/octet-stream", Arrays.copyOfRange(data, (int) first, (int) last + 1));
    }

    static void headers(HttpExchange ex) {
        ex.getResponseHeaders().add("x-amz-request-id", S3Stub.requestId());
        ex.getResponseHeaders().add("x-amz-id-2", S3Stub.requestId());
        ex.getResponseHeaders().add("Server", "AmazonS3");
    }

    static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
