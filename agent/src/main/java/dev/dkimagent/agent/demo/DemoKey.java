package dev.dkimagent.agent.demo;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A fresh 2048-bit RSA DKIM key, published as SES does: split into strings of at most 255 bytes.
 * The demo keeps the private half: its SES stub signs the canary messages with it.
 */
final class DemoKey {
    private static final int KEY_BITS = 2048;
    private static final int STRING_LIMIT = 255;

    private DemoKey() {
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(KEY_BITS);
            return rsa.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA key generator", e);
        }
    }

    /** The TXT character-strings of "v=DKIM1; k=rsa; p=&lt;base64 SubjectPublicKeyInfo&gt;". */
    static List<String> txtStrings(KeyPair key) {
        String text = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        List<String> strings = new ArrayList<>();
        for (int from = 0; from < text.length(); from += STRING_LIMIT) {
            strings.add(text.substring(from, Math.min(text.length(), from + STRING_LIMIT)));
        }
        return strings;
    }
}
