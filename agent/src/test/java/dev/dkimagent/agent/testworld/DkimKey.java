package dev.dkimagent.agent.testworld;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A DKIM public key as SES publishes it: a TXT of character-strings of at most 255 bytes. */
public record DkimKey(String publicKeyBase64) {
    public static final String TAGS = "v=DKIM1; k=rsa; p=";
    private static final int MAX_STRING_BYTES = 255;

    /** A fresh 2048-bit RSA key; Base64 of its SubjectPublicKeyInfo. */
    public static DkimKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] spki = generator.generateKeyPair().getPublic().getEncoded();
            return new DkimKey(Base64.getEncoder().encodeToString(spki));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has RSA", e);
        }
    }

    /** The whole TXT value, strings joined: {@code v=DKIM1; k=rsa; p=<base64>}. */
    public String txtValue() {
        return TAGS + publicKeyBase64;
    }

    /** {@link #txtValue()} cut into character-strings of at most 255 bytes (Base64 and tags are ASCII). */
    public List<String> txtStrings() {
        String value = txtValue();
        List<String> strings = new ArrayList<>();
        for (int start = 0; start < value.length(); start += MAX_STRING_BYTES) {
            strings.add(value.substring(start, Math.min(value.length(), start + MAX_STRING_BYTES)));
        }
        return strings;
    }
}
