package dev.dkimagent.agent.demo.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The ListObjectsV2 response ({@code ListBucketResult}), a page at a time with an opaque continuation token. */
final class S3Listing {
    private static final int MAX_KEYS = 1000;
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private S3Listing() {
    }

    static String xml(StubBucket bucket, Map<String, String> params) {
        String prefix = params.getOrDefault("prefix", "");
        int maxKeys = Math.min(MAX_KEYS, Integer.parseInt(params.getOrDefault("max-keys", String.valueOf(MAX_KEYS))));
        String token = params.get("continuation-token");
        String after = token != null ? new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8)
                : params.get("start-after");
        boolean url = "url".equals(params.get("encoding-type"));
        List<StubBucket.StoredObject> all = bucket.from(after, prefix);
        List<StubBucket.StoredObject> page = all.subList(0, Math.min(maxKeys, all.size()));
        boolean truncated = all.size() > page.size();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"")
                .append(S3Stub.NS).append("\"><Name>").append(escape(bucket.name())).append("</Name><Prefix>")
                .append(text(prefix, url)).append("</Prefix><KeyCount>").append(page.size()).append("</KeyCount><MaxKeys>")
                .append(maxKeys).append("</MaxKeys>");
        if (url) {
            xml.append("<EncodingType>url</EncodingType>");
        }
        xml.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
        for (StubBucket.StoredObject o : page) {
            xml.append("<Contents><Key>").append(text(o.key(), url)).append("</Key><LastModified>")
                    .append(ISO_MILLIS.format(o.lastModified())).append("</LastModified><ETag>").append(escape(o.etag()))
                    .append("</ETag><Size>").append(o.data().length).append("</Size><StorageClass>STANDARD"
                            + "</StorageClass></Contents>");
        }
        if (token != null) {
            xml.append("<ContinuationToken>").append(escape(token)).append("</ContinuationToken>");
        }
        if (truncated) {
            String next = page.get(page.size() - 1).key();
            xml.append("<NextContinuationToken>").append(Base64.getEncoder().encodeToString(
                    next.getBytes(StandardCharsets.UTF_8))).append("</NextContinuationToken>");
        }
        return xml.append("</ListBucketResult>").toString();
    }

    /** With encoding-type=url, S3 URL-encodes keys and prefixes in the listing (the SDK decodes them). */
    private static String text(String value, boolean url) {
        return url ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : escape(value);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
