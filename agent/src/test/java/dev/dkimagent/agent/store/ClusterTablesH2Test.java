package dev.dkimagent.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease and zone-series SQL is portable: the same behaviour on embedded H2 (PostgreSQL: clusterview tests). */
class ClusterTablesH2Test {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private Store store;
    private ClusterTables tables;

    @BeforeEach
    void open() throws StoreException {
        store = TestDatabase.h2(dir).open();
        tables = store.clusterTables();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void lease_heldUntilItExpires_renewedByItsHolder_thenTakenByAnother() {
        assertThat(tables.holdLease("l", "a", T0, T0.plus(LEASE))).isTrue();
        assertThat(tables.holdLease("l", "b", T0.plusSeconds(29), T0.plusSeconds(29).plus(LEASE))).isFalse();
        assertThat(tables.holdLease("l", "a", T0.plusSeconds(10), T0.plusSeconds(10).plus(LEASE))).isTrue();
        assertThat(tables.holdLease("l", "b", T0.plusSeconds(39), T0.plusSeconds(39).plus(LEASE))).isFalse();

        assertThat(tables.holdLease("l", "b", T0.plusSeconds(41), T0.plusSeconds(41).plus(LEASE))).isTrue();
        assertThat(tables.holdLease("l", "a", T0.plusSeconds(42), T0.plusSeconds(42).plus(LEASE))).isFalse();
    }

    @Test
    void releasedLease_isTakenAtOnce_butOnlyItsHolderReleasesIt() {
        tables.holdLease("l", "a", T0, T0.plus(LEASE));
        tables.releaseLease("l", "b");
        assertThat(tables.holdLease("l", "b", T0.plusSeconds(1), T0.plusSeconds(1).plus(LEASE))).isFalse();

        tables.releaseLease("l", "a");
        assertThat(tables.holdLease("l", "b", T0.plusSeconds(2), T0.plusSeconds(2).plus(LEASE))).isTrue();
    }

    @Test
    void zoneSeries_updatedAtMovesOnlyWithTheDocument_judgedAtKeepsItFromExpiring() {
        Document doc = new Document(1, "{\"a\":1}");
        tables.putZoneSeries("example.com", doc, T0);
        tables.putZoneSeries("other.org", doc, T0);
        tables.putZoneSeries("example.com", doc, T0.plusSeconds(60));
        assertThat(tables.zoneSeriesChangedAfter(T0.minusMillis(1))).extracting(ZoneSeriesRow::zone)
                .containsExactlyInAnyOrder("example.com", "other.org");
        assertThat(tables.zoneSeriesChangedAfter(T0)).isEmpty();

        tables.touchZoneSeries(List.of("other.org"), T0.plusSeconds(120));
        assertThat(tables.expireZoneSeries(T0.plusSeconds(90))).isEqualTo(1);

        assertThat(tables.zoneSeriesZones()).containsExactly("other.org");
    }
}
