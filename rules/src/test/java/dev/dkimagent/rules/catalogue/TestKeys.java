package dev.dkimagent.rules.catalogue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** Real RSA public keys for DKIM tests, generated once per JVM. */
final class TestKeys {
    static final RSAPublicKey RSA_2048 = generate(2048);
    static final RSAPublicKey RSA_1024 = generate(1024);
    static final RSAPublicKey RSA_2048_NEXT = generate(2048);

    private TestKeys() {
    }

    /** Base64 of the SubjectPublicKeyInfo, as DKIM's p= carries it. */
    static String spki(RSAPublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Base64 of a bare PKCS#1 RSAPublicKey (SEQUENCE of modulus and exponent). */
    static String pkcs1(RSAPublicKey key) {
        byte[] body = concat(derInteger(key.getModulus()), derInteger(key.getPublicExponent()));
        return Base64.getEncoder().encodeToString(tlv(0x30, body));
    }

    static String record(RSAPublicKey key) {
        return "v=DKIM1; k=rsa; p=" + spki(key);
    }

    private static RSAPublicKey generate(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return (RSAPublicKey) g.generateKeyPair().getPublic();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derInteger(BigInteger i) {
        return tlv(0x02, i.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len <= 0xFF) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >>> 8);
            out.write(len);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
