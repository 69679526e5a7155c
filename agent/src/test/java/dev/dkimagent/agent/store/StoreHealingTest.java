package dev.dkimagent.agent.store;

import static dev.dkimagent.agent.store.Rows.state;
import static dev.dkimagent.agent.store.Rows.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkimagent.agent.alert.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose database goes away turns down, fails fast, and reopens by itself when it is due
 * and the database is back, with its data. The clock is moved by hand: heal() is called as the
 * daemon's ticker would, and the backoff decides.
 */
abstract class StoreHealingTest {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    TestDatabase db;
    final MutableClock clock = new MutableClock(T0);

    abstract TestDatabase freshDatabase();

    /** Ends every session of the store's database (H2 SHUTDOWN, PostgreSQL pg_terminate_backend). */
    abstract void closeTheDatabaseUnderTheStore() throws Exception;

    /** Makes the next reopen fail (and says how it will fail); {@link #allowReopen()} undoes it. */
    abstract String preventReopen() throws Exception;

    abstract void allowReopen() throws Exception;

    @BeforeEach
    void createDatabase() {
        db = freshDatabase();
    }

    Store open() throws StoreException {
        return Store.open(db.url(), db.user(), db.password(), new StoreOptions(false, clock));
    }

    @Test
    void closedDatabase_firstFailedRead_marksTheStoreDownWithTheReason_andLaterCallsFailFast() throws Exception {
        try (Store store = open()) {
            closeTheDatabaseUnderTheStore();

            notice(store);

            assertThat(store.reachable()).isFalse();
            assertThat(store.status().up()).isFalse();
            assertThat(store.status().reason()).isNotEqualTo("open").isNotBlank();
            assertThat(store.canRecord()).isFalse();
            assertThatThrownBy(() -> store.commit(upsert(state("k1", "a.example"))))
                    .isInstanceOf(StoreAccessException.class)
                    .hasMessageContaining("the store is down since " + T0);
        }
    }

    @Test
    void heal_databaseBack_reopensAtOnce_withTheDataAndTheSingleWriterGuarantee() throws Exception {
        try (Store store = open()) {
            store.commit(upsert(state("k1", "a.example")));
            closeTheDatabaseUnderTheStore();
            notice(store);
            assertThat(store.canRecord()).isFalse();

            store.heal();

            assertThat(store.reachable()).isTrue();
            assertThat(store.canRecord()).isTrue();
            assertThat(store.alertStates()).containsOnlyKeys("k1");
            assertThatThrownBy(db::open).as("a second agent is still kept off")
                    .isInstanceOf(StoreException.class).hasMessageContaining("another dkim-agent holds the state");
        }
    }

    @Test
    void heal_reopenFails_staysDownWithWhy_andRetriesOnlyWhenTheBackoffSays() throws Exception {
        try (Store store = open()) {
            closeTheDatabaseUnderTheStore();
            notice(store);
            String why = preventReopen();

            store.heal();
            assertThat(store.status().up()).isFalse();
            assertThat(store.status().reason()).contains(why);

            allowReopen();
            clock.advance(Duration.ofMillis(999));
            store.heal();
            assertThat(store.reachable()).as("1 s backoff not over").isFalse();

            clock.advance(Duration.ofMillis(1));
            store.heal();
            assertThat(store.reachable()).isTrue();
            assertThat(store.status().since()).isEqualTo(T0.plusSeconds(1));
        }
    }

    /**
     * What the daemon does anyway: the outbox reads every tick (H2's closed database fails it) and
     * asks whether the store is reachable (PostgreSQL's ended lock session fails that).
     */
    private static void notice(Store store) {
        try {
            store.pendingCount();
        } catch (StoreAccessException expected) {
            // the read that finds the database closed
        }
        assertThat(store.reachable()).isFalse();
    }

    @Test
    void heal_whileUpAndIdle_probesEveryTenSeconds_soAClosedDatabaseShowsWithoutAnyOtherCall() throws Exception {
        try (Store store = open()) {
            closeTheDatabaseUnderTheStore();
            clock.advance(Duration.ofSeconds(9));
            store.heal();
            assertThat(store.status().up()).as("no probe due yet").isTrue();

            clock.advance(Duration.ofSeconds(1));
            store.heal();
            assertThat(store.status().up()).isFalse();
            assertThat(store.status().since()).isEqualTo(T0.plusSeconds(10));
        }
    }

    @Test
    void heal_whileUp_changesNothing() throws Exception {
        try (Store store = open()) {
            store.commit(upsert(state("k1", "a.example")));
            store.heal();
            assertThat(store.status().up()).isTrue();
            assertThat(store.status().since()).isEqualTo(T0);
            assertThat(store.alertStates()).containsOnlyKeys("k1");
        }
    }
}
