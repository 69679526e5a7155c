package dev.dkimagent.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardsTest {

    @Test
    void of_isCrc32OfTheLowerCaseApex_moduloTheCount() {
        // the reference implementation below gives CRC-32's published check value
        assertThat(bitwiseCrc32("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xCBF43926L);
        for (String apex : List.of("example.com", "mycompany.test", "a", "xn--bcher-kva.example", "")) {
            for (int shards : List.of(1, 2, 16, 1024)) {
                assertThat(Shards.of(apex, shards)).as(apex + " / " + shards)
                        .isEqualTo((int) (bitwiseCrc32(apex.getBytes(StandardCharsets.UTF_8)) % shards));
            }
        }
    }

    @Test
    void of_ignoresCaseAndATrailingDot() {
        assertThat(Shards.of("Example.COM.", 16)).isEqualTo(Shards.of("example.com", 16));
        assertThat(Shards.of("MyCompany.Test", 7)).isEqualTo(Shards.of("mycompany.test.", 7));
    }

    @Test
    void of_spreadsManyZonesEvenly() {
        int shards = 16;
        int zones = 16_000;
        int[] counts = new int[shards];
        for (int i = 0; i < zones; i++) {
            counts[Shards.of("customer" + i + ".example", shards)]++;
        }
        for (int n = 0; n < shards; n++) {
            assertThat(counts[n]).as("shard " + n).isBetween(zones / shards * 9 / 10, zones / shards * 11 / 10);
        }
    }

    @Test
    void of_refusesNoShards() {
        assertThatThrownBy(() -> Shards.of("example.com", 0)).hasMessageContaining("shards must be >= 1");
    }

    @Test
    void jobNames_roundTrip_andOtherNamesAreNotShards() {
        assertThat(Shards.job(12).getName()).isEqualTo("shard-12");
        assertThat(Shards.number("shard-12")).isEqualTo(12);
        assertThat(Shards.number("shard-")).isEqualTo(-1);
        assertThat(Shards.number("shard--1")).isEqualTo(-1);
        assertThat(Shards.number("outbox")).isEqualTo(-1);
    }

    /** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) bit by bit: the standard, independent of java.util.zip. */
    private static long bitwiseCrc32(byte[] data) {
        int crc = 0xFFFFFFFF;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xEDB88320 : crc >>> 1;
            }
        }
        return (~crc) & 0xFFFFFFFFL;
    }
}
