package dev.dkimagent.agent.store;

import static dev.dkimagent.agent.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.alert.AlertPolicy;
import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.Lifecycle;
import dev.dkimagent.agent.alert.LifecycleResult;
import dev.dkimagent.agent.alert.Notification;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesMemory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's behaviour, the same on every database it supports: each subclass supplies a fresh,
 * empty database per test ({@link H2StoreTest}, {@link PostgresStoreTest}).
 */
abstract class StoreTest {

    /** Where a test's store lives, and what its messages should call it. */
    record Database(String url, String user, String password, String where) {
    }

    @TempDir
    Path dir;

    Database db;

    /** A fresh, empty database for one test. */
    abstract Database freshDatabase();

    @BeforeEach
    void createDatabase() {
        db = freshDatabase();
    }

    Store open() throws StoreException {
        return Store.open(db.url(), db.user(), db.password());
    }

    @Test
    void open_freshDatabase_migratesToVersion1() throws Exception {
        try (Store store = open()) {
            assertThat(store.alertStates()).isEmpty();
            assertThat(store.sesMemory()).isEmpty();
            assertThat(store.pendingCount()).isZero();
            assertThat(store.outbox()).isEmpty();
            assertThat(store.reachable()).isTrue();
        }
        assertThat(schemaVersions()).containsExactly(1);
    }

    @Test
    void open_again_isIdempotentAndKeepsData() throws Exception {
        try (Store store = open()) {
            store.commitSweep(Map.of(Fixtures.firing("t1").key(), Fixtures.firing("t1")), Map.of(), List.of());
        }
        try (Store store = open()) {
            assertThat(store.alertStates()).containsOnlyKeys(Fixtures.firing("t1").key());
        }
        assertThat(schemaVersions()).containsExactly(1);
    }

    @Test
    void commitSweep_roundTripsStatesSesMemoryAndOutbox() throws Exception {
        Map<String, AlertState> states = states(Fixtures.firing("t1"), Fixtures.firing("t2"));
        Map<String, SesMemory> memory = Map.of(
                "ses:prod/eu-west-1|example.com", new SesMemory(DkimStatus.SUCCESS, T0, List.of("a", "b", "c")),
                "ses:prod/us-east-1|example.com", new SesMemory(null, null, List.of()));
        Notification n = Fixtures.firingNotification("example.com", T0);

        try (Store store = open()) {
            store.commitSweep(states, memory, List.of(n));
        }
        try (Store store = open()) {
            assertThat(store.alertStates()).isEqualTo(states);
            assertThat(store.sesMemory()).isEqualTo(memory);
            assertThat(store.dueMessages(T0, 10)).singleElement().satisfies(m -> {
                assertThat(m.notification()).isEqualTo(n);
                assertThat(m.identity()).isEqualTo("example.com");
                assertThat(m.attempts()).isZero();
            });
        }
    }

    @Test
    void commitSweep_replacesStatesAndUpsertsSesMemory() throws Exception {
        try (Store store = open()) {
            store.commitSweep(states(Fixtures.firing("t1")),
                    Map.of("a", new SesMemory(DkimStatus.PENDING, null, List.of())), List.of());
            store.commitSweep(states(Fixtures.firing("t2")),
                    Map.of("a", new SesMemory(DkimStatus.SUCCESS, T0, List.of("y")),
                            "b", new SesMemory(DkimStatus.SUCCESS, T0, List.of("x"))), List.of());

            assertThat(store.alertStates()).containsOnlyKeys(Fixtures.firing("t2").key());
            assertThat(store.sesMemory()).containsOnlyKeys("a", "b");
            assertThat(store.sesMemory().get("a")).isEqualTo(new SesMemory(DkimStatus.SUCCESS, T0, List.of("y")));
        }
    }

    @Test
    void commitSweep_failingMidway_writesNothing() throws Exception {
        try (Store store = open()) {
            store.commitSweep(states(Fixtures.firing("t1")), Map.of(), List.of());
            Notification noIdentity = Fixtures.firingNotification(null, T0);  // violates NOT NULL in the outbox

            assertThatThrownBy(() -> store.commitSweep(states(Fixtures.firing("t2")),
                    Map.of("k", new SesMemory(DkimStatus.SUCCESS, T0, List.of())),
                    List.of(Fixtures.firingNotification("example.com", T0), noIdentity)))
                    .isInstanceOf(StoreAccessException.class)
                    .hasMessageContaining("nothing of it was saved");

            assertThat(store.alertStates()).containsOnlyKeys(Fixtures.firing("t1").key());
            assertThat(store.sesMemory()).isEmpty();
            assertThat(store.pendingCount()).isZero();
            store.commitSweep(states(Fixtures.firing("t3")), Map.of(), List.of());  // still usable afterwards
            assertThat(store.alertStates()).containsOnlyKeys(Fixtures.firing("t3").key());
        }
    }

    @Test
    void restart_keepsFiringStates_soTheSameVerdictsAnnounceNothing() throws Exception {
        Lifecycle lifecycle = new Lifecycle(AlertPolicy.defaults());
        List<Verdict> verdicts = List.of(verdict("t1"), verdict("t2"));
        Set<String> scope = Set.of("example.com");
        try (Store store = open()) {
            LifecycleResult first = lifecycle.apply(store.alertStates(), verdicts, scope, Map.of(), T0);
            store.commitSweep(first.states(), Map.of(), first.notifications());
            LifecycleResult second = lifecycle.apply(store.alertStates(), verdicts, scope, Map.of(),
                    T0.plusSeconds(300));
            store.commitSweep(second.states(), Map.of(), second.notifications());
            assertThat(second.notifications()).hasSize(1);
        }
        try (Store store = open()) {
            LifecycleResult afterRestart = lifecycle.apply(store.alertStates(), verdicts, scope, Map.of(),
                    T0.plusSeconds(600));

            assertThat(afterRestart.notifications()).isEmpty();
            assertThat(store.pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void outbox_deliveryRetryAndPermanent_roundTripWithIncidents() throws Exception {
        try (Store store = open()) {
            store.commitSweep(Map.of(), Map.of(), List.of(Fixtures.firingNotification("a.example", T0),
                    Fixtures.resolvedNotification("a.example", T0.plusSeconds(1)),
                    Fixtures.firingNotification("b.example", T0)));

            List<OutboxMessage> due = store.dueMessages(T0.plusSeconds(5), 10);
            assertThat(due).extracting(OutboxMessage::identity).containsExactly("a.example", "b.example");
            store.recordDelivered(due.get(0), "ts-1", T0.plusSeconds(6), Store.IncidentChange.OPEN);
            store.recordRetry(due.get(1), T0.plusSeconds(60), "slack said 503");

            assertThat(store.incident("a.example")).hasValueSatisfying(i -> assertThat(i.threadRef()).isEqualTo("ts-1"));
            assertThat(store.dueMessages(T0.plusSeconds(7), 10)).singleElement()
                    .satisfies(m -> assertThat(m.notification())
                            .isEqualTo(Fixtures.resolvedNotification("a.example", T0.plusSeconds(1))));
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
    void purgeDelivered_forgetsOnlyDeliveredMessagesOlderThanTheCutoff() throws Exception {
        try (Store store = open()) {
            store.commitSweep(Map.of(), Map.of(), List.of(Fixtures.firingNotification("a.example", T0),
                    Fixtures.firingNotification("b.example", T0), Fixtures.firingNotification("c.example", T0)));
            List<OutboxMessage> due = store.dueMessages(T0, 10);
            store.recordDelivered(due.get(0), "ts-1", T0.plusSeconds(10), Store.IncidentChange.OPEN);
            store.recordDelivered(due.get(1), "ts-2", T0.plusSeconds(100), Store.IncidentChange.OPEN);

            assertThat(store.purgeDelivered(T0.plusSeconds(50))).isEqualTo(1);

            assertThat(store.outbox()).extracting(OutboxRow::status).containsExactly(Store.DELIVERED, Store.PENDING);
        }
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
    void close_thenReachable_isFalse() throws Exception {
        Store store = open();
        store.close();
        assertThat(store.reachable()).isFalse();
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

    List<Integer> schemaVersions() throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            List<Integer> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
            return versions;
        }
    }

    private static Map<String, AlertState> states(AlertState... states) {
        Map<String, AlertState> map = new TreeMap<>();
        for (AlertState s : states) {
            map.put(s.key(), s);
        }
        return map;
    }

    private static Verdict verdict(String selector) {
        Subject subject = new Subject("example.com", "example.com", selector, "ns3.example.com", "127.0.0.13");
        return new Verdict(new Finding("DKIM01", "RECORD_MISSING", subject, Map.of()), Severity.ERROR, "m", "r");
    }
}
