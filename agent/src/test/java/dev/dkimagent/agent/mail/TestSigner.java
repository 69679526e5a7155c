package dev.dkimagent.agent.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An independent RFC 6376 signer for tests, written from the RFC and not from jDKIM, so a
 * canonicalization mistake on either side fails the tests instead of cancelling out. Fields
 * are given as written (folded with CRLF WSP); the signature is prepended, its b= folded.
 */
public final class TestSigner {
    private final String domain;
    private final String selector;
    private final PrivateKey key;
    private String headerCanon = "relaxed";
    private String bodyCanon = "relaxed";
    private Long length;
    private List<String> signed = List.of("From", "To", "Subject", "Date", "Message-ID");
    private long timestamp = 1_780_000_000L;
    private Long expires;
    private String copied;

    public TestSigner(String domain, String selector, PrivateKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
    }

    public TestSigner canonical(String header, String body) {
        headerCanon = header;
        bodyCanon = body;
        return this;
    }

    public TestSigner length(long value) {
        length = value;
        return this;
    }

    public TestSigner headers(String... names) {
        signed = List.of(names);
        return this;
    }

    /** A z= tag (copied header fields, DKIM quoted-printable), written just before b=. */
    public TestSigner copiedHeaders(String value) {
        copied = value;
        return this;
    }

    public TestSigner expires(long epochSeconds) {
        expires = epochSeconds;
        return this;
    }

    /** The message with a DKIM-Signature field on top. */
    public String sign(String message) {
        int split = message.indexOf("\r\n\r\n");
        List<String> fields = fields(message.substring(0, split + 2));
        String body = message.substring(split + 4);
        byte[] canonBody = canonBody(body);
        if (length != null) {
            canonBody = java.util.Arrays.copyOf(canonBody, (int) Math.min(length, canonBody.length));
        }
        String unsigned = "DKIM-Signature: v=1; a=rsa-sha256; c=" + headerCanon + "/" + bodyCanon + ";\r\n"
                + "\td=" + domain + "; s=" + selector + "; t=" + timestamp
                + (expires == null ? "" : "; x=" + expires) + (length == null ? "" : "; l=" + length) + ";\r\n"
                + "\th=" + String.join(":", signed) + ";\r\n"
                + "\tbh=" + Base64.getEncoder().encodeToString(sha256(canonBody)) + ";\r\n"
                + (copied == null ? "" : "\tz=" + copied + ";\r\n")
                + "\tb=";
        String signature = fold(Base64.getEncoder().encodeToString(rsa(headerInput(fields, unsigned))));
        return unsigned + signature + "\r\n" + message;
    }

    private byte[] headerInput(List<String> fields, String unsignedField) {
        StringBuilder input = new StringBuilder();
        Map<String, Integer> used = new HashMap<>();
        for (String name : signed) {
            String lower = name.toLowerCase(Locale.ROOT);
            List<String> same = fields.stream().filter(f -> nameOf(f).equals(lower)).toList();
            int n = used.merge(lower, 1, Integer::sum);
            if (n <= same.size()) {
                input.append(canonHeader(same.get(same.size() - n))).append("\r\n");
            }
        }
        input.append(canonHeader(unsignedField));
        return input.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String canonHeader(String field) {
        if (headerCanon.equals("simple")) {
            return field;
        }
        int colon = field.indexOf(':');
        String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return field.substring(0, colon).strip().toLowerCase(Locale.ROOT) + ":" + value;
    }

    byte[] canonBody(String body) {
        List<String> lines = new ArrayList<>(List.of(body.split("\r\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the split after the last CRLF
        }
        if (bodyCanon.equals("relaxed")) {
            lines.replaceAll(line -> line.replaceAll("[ \t]+", " ").replaceAll(" $", ""));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            return bodyCanon.equals("relaxed") ? new byte[0] : "\r\n".getBytes(StandardCharsets.US_ASCII);
        }
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> fields(String header) {
        List<String> fields = new ArrayList<>();
        for (String line : header.split("\r\n")) {
            if (!fields.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else if (!line.isEmpty()) {
                fields.add(line);
            }
        }
        return fields;
    }

    private static String nameOf(String field) {
        return field.substring(0, field.indexOf(':')).strip().toLowerCase(Locale.ROOT);
    }

    private static String fold(String base64) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < base64.length(); i += 64) {
            out.append(i == 0 ? "" : "\r\n\t ").append(base64, i, Math.min(base64.length(), i + 64));
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] rsa(byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
