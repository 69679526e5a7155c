package dev.dkimagent.agent.demo.s3;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/** S3's error body: {@code <Error><Code/><Message/>...<RequestId/><HostId/></Error>} with its status code. */
final class S3ErrorXml {
    private S3ErrorXml() {
    }

    static void send(HttpExchange ex, int status, String code, String message, Map<String, String> extra)
            throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>").append(code)
                .append("</Code><Message>").append(S3Listing.escape(message)).append("</Message>");
        extra.forEach((k, v) -> xml.append('<').append(k).append('>').append(S3Listing.escape(v)).append("</")
                .append(k).append('>'));
        xml.append("<RequestId>").append(S3Stub.requestId()).append("</RequestId><HostId>")
                .append(java.util.Base64.getEncoder().encodeToString(S3Stub.requestId().getBytes()))
                .append("</HostId></Error>");
        if ("HEAD".equals(ex.getRequestMethod())) {
            S3Stub.respond(ex, status, "application/xml", new byte[0]);
        } else {
            S3Stub.respond(ex, status, "application/xml", xml.toString());
        }
    }
}
