package dev.dkimagent.agent.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;
import org.quartz.JobKey;

/**
 * Which shard a zone belongs to: CRC-32 (IEEE 802.3, {@link CRC32}) of the zone apex in lower
 * case, without a trailing dot, as UTF-8 bytes, modulo the shard count. CRC-32 is fixed by its
 * standard, so every node and every JVM version computes the same shard for a zone (unlike
 * {@code String.hashCode} of an unnormalized name, or a seeded hash). Changing the shard count
 * moves zones between shards; every node must use the same count.
 */
public final class Shards {
    /** Quartz job and trigger names of the shards: {@code shard-0} ... {@code shard-<n-1>}. */
    public static final String PREFIX = "shard-";

    private Shards() {
    }

    /** The shard (0 .. shards-1) of {@code zoneApex}. */
    public static int of(String zoneApex, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be >= 1, got " + shards);
        }
        CRC32 crc = new CRC32();
        crc.update(normal(zoneApex).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    /** The job of shard {@code n}. */
    public static JobKey job(int n) {
        return JobKey.jobKey(PREFIX + n);
    }

    /** The shard number a shard job's name holds, or -1 when the name is not a shard's. */
    public static int number(String jobName) {
        if (!jobName.startsWith(PREFIX)) {
            return -1;
        }
        try {
            int n = Integer.parseInt(jobName.substring(PREFIX.length()));
            return n >= 0 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String normal(String apex) {
        String lower = apex.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") && lower.length() > 1 ? lower.substring(0, lower.length() - 1) : lower;
    }
}
