package dev.dkimagent.agent.store;

import static dev.dkimagent.agent.store.Rows.T0;
import static dev.dkimagent.agent.store.Rows.byKey;
import static dev.dkimagent.agent.store.Rows.enqueue;
import static dev.dkimagent.agent.store.Rows.memory;
import static dev.dkimagent.agent.store.Rows.message;
import static dev.dkimagent.agent.store.Rows.state;
import static dev.dkimagent.agent.store.Rows.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's behaviour, the same on every database it supports: each subclass supplies a fresh,
 * empty database per test ({@link H2StoreTest}, {@link PostgresStoreTest}).
 */
abstract class StoreTest {

    @TempDir
    Path dir;

    TestDatabase db;

    /** A fresh, empty database for one test. */
    abstract TestDatabase freshDatabase();

    @BeforeEach
    void createDatabase() {
        db = freshDatabase();
    }

    Store open() throws StoreException {
        return db.open();
    }

    @Test
    void open_freshDatabase_migratesWithFlywayToTheLatestVersion() throws Exception {
        try (Store store = open()) {
            assertThat(store.alertStates()).isEmpty();
            assertThat(store.sesMemory()).isEmpty();
            assertThat(store.pendingCount()).isZero();
            assertThat(store.outbox()).isEmpty();
            assertThat(store.reachable()).isTrue();
            assertThat(store.schemaVersion()).isEqualTo(db.latestVersion());
        }
        assertThat(appliedMigrations()).containsExactlyElementsOf(db.migrations());
        assertThat(tableExists("schema_version")).isFalse();
    }

    @Test
    void open_again_isIdempotentAndKeepsData() throws Exception {
        try (Store store = open()) {
            store.commit(upsert(state("k1", "example.com")));
        }
        try (Store store = open()) {
            assertThat(store.alertStates()).isEqualTo(byKey(state("k1", "example.com")));
        }
        assertThat(appliedMigrations()).containsExactlyElementsOf(db.migrations());
    }

    @Test
    void commit_roundTripsStatesSesMemoryAndOutbox() throws Exception {
        AlertStateRow neverNotified = new AlertStateRow("k2", "b.example", "PENDING", 1, 0, T0, null,
                new Document(7, "{}"));
        StateChange change = new StateChange(List.of(state("k1", "a.example"), neverNotified), Set.of(),
                List.of(memory("ses:prod/eu-west-1|a.example", "SUCCESS", T0, "a", "b", "c"),
                        memory("ses:prod/us-east-1|a.example", null, null)),
                List.of(message("a.example", T0)));
        try (Store store = open()) {
            store.commit(change);
        }
        try (Store store = open()) {
            assertThat(store.alertStates()).isEqualTo(byKey(state("k1", "a.example"), neverNotified));
            assertThat(store.sesMemory().values()).containsExactlyElementsOf(change.sesMemory());
            assertThat(store.dueMessages(T0, 10)).singleElement().satisfies(m -> {
                assertThat(m.payload()).isEqualTo(message("a.example", T0).payload());
                assertThat(m.identity()).isEqualTo("a.example");
                assertThat(m.attempts()).isZero();
            });
        }
    }

    @Test
    void commit_upsertsGivenRowsDeletesGivenKeys_andLeavesEveryOtherRowUntouched() throws Exception {
        try (Store store = open()) {
            store.commit(new StateChange(List.of(state("k1", "a.example"), state("k2", "a.example"),
                    state("k3", "b.example")), Set.of(), List.of(memory("m1", "PENDING", null)), List.of()));
            tamper("UPDATE alert_state SET hits = 99 WHERE alert_key = 'k3'");
            AlertStateRow k1Later = new AlertStateRow("k1", "a.example", "FIRING", 3, 0, T0, T0,
                    new Document(1, "{\"later\":true}"));

            store.commit(new StateChange(List.of(k1Later, state("k4", "a.example")), Set.of("k2"),
                    List.of(memory("m1", "SUCCESS", T0, "y"), memory("m2", null, null, "x")), List.of()));

            assertThat(store.alertStates()).containsOnlyKeys("k1", "k3", "k4");
            assertThat(store.alertStates().get("k1")).isEqualTo(k1Later);
            assertThat(store.alertStates().get("k3").hits()).as("a row not in the change is not rewritten")
                    .isEqualTo(99);
            assertThat(store.sesMemory()).containsOnlyKeys("m1", "m2");
            assertThat(store.sesMemory().get("m1")).isEqualTo(memory("m1", "SUCCESS", T0, "y"));
        }
    }

    @Test
    void alertStates_ofGroups_readsOnlyThoseGroups_evenWithThousandsOfGroups() throws Exception {
        try (Store store = open()) {
            store.commit(upsert(state("k1", "a.example"), state("k2", "b.example"), state("k3", "c.example")));
            List<String> many = new ArrayList<>(IntStream.range(0, 1200).mapToObj(i -> "z" + i + ".example").toList());
            many.add("c.example");

            assertThat(store.alertStates(List.of("a.example", "c.example"))).containsOnlyKeys("k1", "k3");
            assertThat(store.alertStates(many)).containsOnlyKeys("k3");
            assertThat(store.alertStates(List.of())).isEmpty();
        }
    }

    @Test
    void dataSource_givesConnectionsToTheStoresDatabase() throws Exception {
        try (Store store = open()) {
            store.commit(upsert(state("k1", "a.example")));
            try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT alert_key FROM alert_state")) {
                assertThat(c.getAutoCommit()).isFalse();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("k1");
                c.rollback();
            }
        }
    }

    @Test
    void commit_failingMidway_writesNothing() throws Exception {
        try (Store store = open()) {
            store.commit(upsert(state("k1", "a.example")));
            OutboxEntry noIdentity = message(null, T0);  // violates NOT NULL in the outbox

            assertThatThrownBy(() -> store.commit(new StateChange(List.of(state("k2", "a.example")), Set.of("k1"),
                    List.of(memory("m", "SUCCESS", T0)), List.of(message("a.example", T0), noIdentity))))
                    .isInstanceOf(StoreAccessException.class)
                    .hasMessageContaining("nothing of it was saved");

            assertThat(store.alertStates()).containsOnlyKeys("k1");
            assertThat(store.sesMemory()).isEmpty();
            assertThat(store.pendingCount()).isZero();
            store.commit(upsert(state("k3", "a.example")));  // still usable afterwards
            assertThat(store.alertStates()).containsOnlyKeys("k1", "k3");
        }
    }

    @Test
    void outbox_deliveryRetryAndPermanent_roundTripWithIncidents() throws Exception {
        try (Store store = open()) {
            store.commit(enqueue(message("a.example", T0), message("a.example", T0.plusSeconds(1)),
                    message("b.example", T0)));

            List<OutboxMessage> due = store.dueMessages(T0.plusSeconds(5), 10);
            assertThat(due).extracting(OutboxMessage::identity).containsExactly("a.example", "b.example");
            store.recordDelivered(due.get(0), "ts-1", T0.plusSeconds(6), Store.IncidentChange.OPEN);
            store.recordRetry(due.get(1), T0.plusSeconds(60), "slack said 503");

            assertThat(store.incident("a.example"))
                    .hasValueSatisfying(i -> assertThat(i.threadRef()).isEqualTo("ts-1"));
            assertThat(store.dueMessages(T0.plusSeconds(7), 10)).singleElement()
                    .satisfies(m -> assertThat(m.id()).isEqualTo(due.get(0).id() + 1));
        }
        try (Store store = open()) {
            List<OutboxMessage> due = store.dueMessages(T0.plusSeconds(60), 10);
            assertThat(due).extracting(OutboxMessage::identity).containsExactly("a.example", "b.example");
            store.recordDelivered(due.get(0), "ts-2", T0.plusSeconds(61), Store.IncidentChange.CLOSE);
            store.recordPermanent(due.get(1), "channel_not_found");

            assertThat(store.incident("a.example")).isEmpty();
            assertThat(store.pendingCount()).isZero();
            assertThat(store.outbox()).extracting(OutboxRow::status)
                    .containsExactly(Store.DELIVERED, Store.DELIVERED, Store.PERMANENT);
            assertThat(store.outbox().get(2).attempts()).isEqualTo(2);
            assertThat(store.outbox().get(2).lastError()).isEqualTo("channel_not_found");
        }
    }

    @Test
    void recordUnreadable_setsTheMessageAsideWithWhy_withoutCountingAnAttempt() throws Exception {
        try (Store store = open()) {
            store.commit(enqueue(message("a.example", T0), message("a.example", T0)));
            OutboxMessage first = store.dueMessages(T0, 10).get(0);

            store.recordUnreadable(first, "stored notification has format version 9");

            assertThat(store.outbox().get(0)).satisfies(row -> {
                assertThat(row.status()).isEqualTo(Store.PERMANENT);
                assertThat(row.attempts()).isZero();
                assertThat(row.lastError()).isEqualTo("stored notification has format version 9");
            });
            assertThat(store.dueMessages(T0, 10)).extracting(OutboxMessage::id).containsExactly(first.id() + 1);
        }
    }

    @Test
    void purgeDelivered_forgetsOnlyDeliveredMessagesOlderThanTheCutoff() throws Exception {
        try (Store store = open()) {
            store.commit(enqueue(message("a.example", T0), message("b.example", T0), message("c.example", T0)));
            List<OutboxMessage> due = store.dueMessages(T0, 10);
            store.recordDelivered(due.get(0), "ts-1", T0.plusSeconds(10), Store.IncidentChange.OPEN);
            store.recordDelivered(due.get(1), "ts-2", T0.plusSeconds(100), Store.IncidentChange.OPEN);

            assertThat(store.purgeDelivered(T0.plusSeconds(50))).isEqualTo(1);

            assertThat(store.outbox()).extracting(OutboxRow::status).containsExactly(Store.DELIVERED, Store.PENDING);
        }
    }

    @Test
    void open_databaseMigratedByANewerAgent_isRefusedWithWhatToDo() throws Exception {
        try (Store store = open()) {
            store.commit(upsert(state("k1", "a.example")));
        }
        tamper("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                + "VALUES (99, '99', 'from the future', 'SQL', "
                + "'V99__from_the_future.sql', 0, 'test', 0, TRUE)");

        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("was migrated by a newer dkim-agent (schema 99; this one knows up to "
                        + db.latestVersion() + ")")
                .hasMessageContaining("run that version or newer");
        tamper("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '99'");
        try (Store store = open()) {
            assertThat(store.alertStates()).containsOnlyKeys("k1");  // the refused open changed nothing
        }
    }

    @Test
    void open_databaseWithOtherTablesOnly_getsAllMigrations_andKeepsThoseTables() throws Exception {
        tamper("CREATE TABLE someone_elses (id INTEGER PRIMARY KEY)");
        tamper("INSERT INTO someone_elses VALUES (7)");

        try (Store store = open()) {
            store.commit(upsert(state("k1", "a.example")));
            assertThat(store.alertStates()).containsOnlyKeys("k1");
        }

        assertThat(appliedMigrations()).first().isEqualTo("0");
        assertThat(appliedMigrations()).containsSubsequence(db.migrations()).hasSize(db.migrations().size() + 1);
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM someone_elses")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void open_legacyVersionNoReleaseWrote_isRefused() throws Exception {
        tamper("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                + "description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
        tamper("INSERT INTO schema_version VALUES (7, 'unknown', 0)");

        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("has schema_version 7, which no dkim-agent release wrote");
    }

    @Test
    void open_secondTimeInThisProcess_failsWithClearMessage_andAfterCloseOpensAgain() throws Exception {
        try (Store first = open()) {
            assertThatThrownBy(this::open)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another dkim-agent holds the state at " + db.where())
                    .hasMessageContaining("stop it first");
            assertThat(first.reachable()).isTrue();
        }
        try (Store again = open()) {
            assertThat(again.reachable()).isTrue();
        }
    }

    @Test
    void open_whileAnotherProcessHoldsIt_failsWithClearMessage_andAfterKill9Opens() throws Exception {
        Process holder = startHolder();
        try {
            assertThatThrownBy(this::open)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another dkim-agent holds the state at " + db.where())
                    .hasMessageContaining("stop it first");
        } finally {
            holder.destroyForcibly();  // SIGKILL: no shutdown hook, no clean close
            holder.waitFor();
        }
        // H2's file lock goes with the process; PostgreSQL ends the session once it sees the socket close.
        await().atMost(Duration.ofSeconds(20)).until(this::opensAndIsEmpty);
    }

    @Test
    void close_thenReachable_isFalse_andCallsFailWithWhere() throws Exception {
        Store store = open();
        store.close();
        assertThat(store.reachable()).isFalse();
        assertThatThrownBy(store::alertStates)
                .isInstanceOf(StoreAccessException.class)
                .hasMessageContaining("state database at " + db.where() + ": reading alert states failed");
    }

    private boolean opensAndIsEmpty() {
        try (Store store = open()) {
            return store.reachable() && store.alertStates().isEmpty();
        } catch (StoreException e) {
            return false;
        }
    }

    private Process startHolder() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = dir.resolve("holder.err");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StoreHolder.class.getName(), db.url(), db.user(), db.password())
                .redirectError(err.toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("holder process output; stderr: %s", Files.exists(err) ? Files.readString(err) : "")
                .isEqualTo("ready");
        return p;
    }

    /** Runs one statement beside the store (H2 shares the open database within this JVM). */
    void tamper(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * V1..V4 moved from db/migration into db/migration/common (and V5 went into postgresql/): a
     * database migrated from the old layout keeps every history row and checksum as it was, and
     * validates (Flyway names a script relative to its location).
     */
    @Test
    void open_databaseMigratedFromTheOldFlatLayout_keepsItsHistoryAndChecksums() throws Exception {
        Path flat = Files.createDirectories(dir.resolve("flat-db-migration"));
        for (String script : List.of("V1__initial.sql", "V2__format_versions.sql", "V3__store_probe.sql",
                "V4__delivery_state.sql")) {
            try (var in = getClass().getClassLoader().getResourceAsStream("db/migration/common/" + script)) {
                assertThat(in).as(script).isNotNull();
                Files.copy(in, flat.resolve(script));
            }
        }
        org.flywaydb.core.Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + flat).table("flyway_schema_history").load().migrate();
        List<String> before = history();
        assertThat(before).hasSize(4);

        try (Store store = open()) {
            assertThat(store.schemaVersion()).isEqualTo(db.latestVersion());
        }

        List<String> after = history();
        assertThat(after.subList(0, 4)).isEqualTo(before);
        assertThat(appliedMigrations()).containsExactlyElementsOf(db.migrations());
    }

    /** Each history row as "version script checksum". */
    private List<String> history() throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT \"version\", \"script\", \"checksum\" FROM "
                     + "\"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
             ResultSet rs = ps.executeQuery()) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
            return rows;
        }
    }

    List<String> appliedMigrations() throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
                             + "AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
             ResultSet rs = ps.executeQuery()) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            return versions;
        }
    }

    boolean tableExists(String name) throws Exception {
        try (Connection c = db.connect();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }
    }
}
