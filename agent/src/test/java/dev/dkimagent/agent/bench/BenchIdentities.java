package dev.dkimagent.agent.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The benchmark's identities: {@code id00001.bench.test} ... each with three Easy-DKIM tokens.
 * Tokens are derived (SHA-256, 32 lower-case hex), so the world and the configuration agree
 * without passing lists around, and every run sees the same names.
 */
final class BenchIdentities {
    static final String ZONE = "bench.test";
    static final String KEY_ZONE = "dkim.amazonses.com";
    static final int TOKENS_PER_IDENTITY = 3;
    static final long TTL = 3600;

    private BenchIdentities() {
    }

    /** The domain of identity {@code n} (1-based). */
    static String domain(int n) {
        return String.format("id%05d.%s", n, ZONE);
    }

    /** The label of {@code domain(n)} inside the zone ({@code id00001}). */
    static String label(int n) {
        return String.format("id%05d", n);
    }

    static List<String> tokens(int n) {
        return IntStream.range(0, TOKENS_PER_IDENTITY).mapToObj(k -> token(n, k)).toList();
    }

    static String target(String token) {
        return token + "." + KEY_ZONE + ".";
    }

    private static String token(int n, int k) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("bench/" + n + "/" + k).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
