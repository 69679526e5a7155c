package dev.dkimagent.agent.dns;

import java.security.SecureRandom;

/**
 * Unpredictable 16-bit message ids, drawn from SecureRandom in blocks of 4 KB so the per-query
 * cost is two array reads. With the random source port, what an off-path spoofer must guess.
 * Loop thread only.
 */
final class QueryIds {
    private final SecureRandom random = new SecureRandom();
    private final byte[] block = new byte[4096];
    private int next = block.length;

    int next() {
        if (next + 2 > block.length) {
            random.nextBytes(block);
            next = 0;
        }
        int id = ((block[next] & 0xFF) << 8) | (block[next + 1] & 0xFF);
        next += 2;
        return id;
    }
}
