package dev.dkimagent.rules.catalogue.dkim;

import dev.dkimagent.rules.model.Whitespace;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A DKIM key record (RFC 6376 section 3.6.1) read from TXT text: {@code v=DKIM1; k=rsa; p=<base64>}.
 *
 * @param status  what the record amounts to
 * @param bits    RSA modulus length, or 0 when not RSA or not parsed
 * @param problem why the key is unusable (status UNPARSEABLE), else null
 */
public record DkimKey(Status status, int bits, String problem) {

    /** The outcomes DKIM05 distinguishes. */
    public enum Status { NO_KEY_TAG, REVOKED, UNPARSEABLE, RSA, OTHER_ALGORITHM }

    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    /** Parses one TXT value (character-strings already joined). */
    public static DkimKey parse(String txt) {
        Map<String, String> tags = tags(txt);
        String p = tags.get("p");
        if (p == null) {
            return new DkimKey(Status.NO_KEY_TAG, 0, "no p= tag");
        }
        String base64 = Whitespace.removed(p);
        if (base64.isEmpty()) {
            return new DkimKey(Status.REVOKED, 0, null);
        }
        String k = tags.getOrDefault("k", "rsa").trim().toLowerCase(Locale.ROOT);
        if (!k.equals("rsa")) {
            return new DkimKey(Status.OTHER_ALGORITHM, 0, null);
        }
        return rsa(base64);
    }

    /** The tag list: {@code name=value} pairs split on ';', names and values trimmed, first one wins. */
    static Map<String, String> tags(String txt) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : txt.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return tags;
    }

    /** True when the text is a key record at all (has a p= tag), so it is the one to judge. */
    public static boolean hasKeyTag(String txt) {
        return tags(txt).containsKey("p");
    }

    /** The first TXT value with a p= tag, parsed; empty when none has one. */
    public static Optional<DkimKey> firstKey(List<String> txts) {
        return txts.stream().filter(DkimKey::hasKeyTag).findFirst().map(DkimKey::parse);
    }

    private static DkimKey rsa(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return unparseable("p= is not valid base64");
        }
        Optional<RSAPublicKey> key = rsaKey(der).or(() -> rsaKey(spkiFromPkcs1(der)));
        return key.map(k -> new DkimKey(Status.RSA, k.getModulus().bitLength(), null))
                .orElseGet(() -> unparseable("p= is not an RSA public key (neither SubjectPublicKeyInfo nor PKCS#1)"));
    }

    private static DkimKey unparseable(String why) {
        return new DkimKey(Status.UNPARSEABLE, 0, why);
    }

    private static Optional<RSAPublicKey> rsaKey(byte[] spki) {
        try {
            return Optional.of((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki)));
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Wraps a bare PKCS#1 RSAPublicKey in a SubjectPublicKeyInfo (what KeyFactory reads). */
    static byte[] spkiFromPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream bitString = new ByteArrayOutputStream();
        bitString.write(0); // no unused bits
        bitString.writeBytes(pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(RSA_ALGORITHM_ID);
        body.writeBytes(derTlv(0x03, bitString.toByteArray()));
        return derTlv(0x30, body.toByteArray());
    }

    private static byte[] derTlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = len > 0xFFFF ? 3 : len > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
