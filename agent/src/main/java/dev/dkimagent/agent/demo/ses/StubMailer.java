package dev.dkimagent.agent.demo.ses;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.james.jdkim.DKIMSigner;

/**
 * What SES does with a SendEmail of simple content, for the stub: build the MIME message, sign
 * it with the identity's key (d= the From domain, s= its selector) and with amazonses.com's, and
 * deliver it (by SMTP, or as the S3 object a receipt rule stores). An identity whose signing is
 * disabled in the stub is signed by amazonses.com only. Faults a test can ask for: signing
 * disabled for every identity, the body altered in transit, the message dropped.
 */
public final class StubMailer {
    public static final String AMAZON_DOMAIN = "amazonses.com";

    /** What happens to the next messages. */
    public enum Mode { SIGN, SIGNING_DISABLED, ALTER_BODY_IN_TRANSIT, DROP }

    private record Key(String selector, PrivateKey key) {
    }

    private final StubDelivery delivery;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private volatile Key amazon;
    private volatile Mode mode = Mode.SIGN;

    /** Delivers by SMTP to this server. */
    public StubMailer(String smtpHost, int smtpPort) {
        this(new SmtpDelivery(smtpHost, smtpPort));
    }

    public StubMailer(StubDelivery delivery) {
        this.delivery = delivery;
    }

    /** Signs mail from {@code domain} as SES's Easy DKIM would: d=domain, s=selector. */
    public StubMailer signWith(String domain, String selector, PrivateKey key) {
        keys.put(domain.toLowerCase(java.util.Locale.ROOT), new Key(selector, key));
        return this;
    }

    /** SES's second signature, d=amazonses.com, on every message. */
    public StubMailer amazonSignature(String selector, PrivateKey key) {
        amazon = new Key(selector, key);
        return this;
    }

    public void mode(Mode value) {
        mode = value;
    }

    /**
     * Builds, signs and delivers one SendEmail request (SES v2 JSON); returns the message id.
     * identitySigning: false when the From identity has DKIM signing disabled.
     */
    String send(JsonNode request, boolean identitySigning) throws IOException, MessagingException {
        String from = request.path("FromEmailAddress").asText();
        String to = request.path("Destination").path("ToAddresses").path(0).asText();
        JsonNode simple = request.path("Content").path("Simple");
        String id = UUID.randomUUID().toString();
        String message = mime(from, to, simple, id);
        message = sign(message, from, identitySigning);
        if (mode == Mode.ALTER_BODY_IN_TRANSIT) {
            message = message + "-- \r\nAdded by a gateway after signing\r\n";
        }
        if (mode != Mode.DROP) {
            delivery.deliver(message, to);
        }
        return id;
    }

    private static String mime(String from, String to, JsonNode simple, String id) {
        StringBuilder m = new StringBuilder()
                .append("From: ").append(from).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Subject: ").append(simple.path("Subject").path("Data").asText()).append("\r\n")
                .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n")
                .append("Message-ID: <").append(id).append("@email.amazonses.com>\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n")
                .append("Content-Transfer-Encoding: 7bit\r\n");
        for (JsonNode header : simple.path("Headers")) {
            m.append(header.path("Name").asText()).append(": ").append(header.path("Value").asText()).append("\r\n");
        }
        m.append("\r\n").append(simple.path("Body").path("Text").path("Data").asText().replace("\r\n", "\n")
                .replace("\n", "\r\n"));
        return m.toString();
    }

    private String sign(String message, String from, boolean identitySigning) throws IOException, MessagingException {
        String domain = from.substring(from.indexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
        Key own = keys.get(domain);
        String signed = message;
        if (own != null && identitySigning && mode != Mode.SIGNING_DISABLED) {
            signed = signature(signed, domain, own) + "\r\n" + signed;
        }
        if (amazon != null) {
            signed = signature(signed, AMAZON_DOMAIN, amazon) + "\r\n" + signed;
        }
        return signed;
    }

    private static String signature(String message, String domain, Key key) throws IOException, MessagingException {
        DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/simple; d=" + domain + "; s="
                + key.selector() + "; t=" + System.currentTimeMillis() / 1000
                + "; h=from:to:subject:date:message-id:mime-version:content-type; bh=; b=;", key.key());
        try {
            return signer.sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
        } catch (org.apache.james.jdkim.exceptions.FailException e) {
            throw new MessagingException("signing failed: " + e.getMessage(), e);
        }
    }
}
