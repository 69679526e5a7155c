package dev.dkimagent.agent.store;

import static dev.dkimagent.agent.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    Store open() throws StoreException {
        return Store.open(Fixtures.url(dir), "sa", "");
    }

    @Test
    void open_freshDatabase_createsDirectoryAndMigratesToVersion1() throws Exception {
        try (Store store = open()) {
            assertThat(store.alertStates()).isEmpty();
            assertThat(store.sesMemory()).isEmpty();
            assertThat(store.pendingCount()).isZero();
            assertThat(store.reachable()).isTrue();
        }
        assertThat(dir.resolve("state/dkim-agent.mv.db")).exists();
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
                    Map.of("b", new SesMemory(DkimStatus.SUCCESS, T0, List.of("x"))), List.of());

            assertThat(store.alertStates()).containsOnlyKeys(Fixtures.firing("t2").key());
            assertThat(store.sesMemory()).containsOnlyKeys("a", "b");
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
    void open_secondTimeInThisProcess_failsWithClearMessage() throws Exception {
        try (Store first = open()) {
            assertThatThrownBy(this::open)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another dkim-agent holds the state at " + dir.resolve("state/dkim-agent"))
                    .hasMessageContaining("stop it first");
            assertThat(first.reachable()).isTrue();
        }
        try (Store again = open()) {
            assertThat(again.reachable()).isTrue();
        }
    }

    @Test
    void open_whileAnotherProcessHoldsIt_failsWithClearMessage_andAfterKill9OpensAtOnce() throws Exception {
        Process holder = startHolder();
        try {
            assertThatThrownBy(this::open)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another dkim-agent holds the state at")
                    .hasMessageContaining("stop it first");
        } finally {
            holder.destroyForcibly();  // SIGKILL: no shutdown hook, no clean close
            holder.waitFor();
        }
        try (Store store = open()) {
            assertThat(store.reachable()).isTrue();
            assertThat(store.alertStates()).isEmpty();
        }
    }

    @Test
    void open_unreachableServer_saysWhereAndWhatToCheck() {
        assertThatThrownBy(() -> Store.open("jdbc:h2:tcp://127.0.0.1:1/nothing;PASSWORD=secret", "sa", "x"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the state database at jdbc:h2:tcp://127.0.0.1:1/nothing")
                .hasMessageContaining("check state.url")
                .message().doesNotContain("secret");
    }

    @Test
    void close_thenReachable_isFalse() throws Exception {
        Store store = open();
        store.close();
        assertThat(store.reachable()).isFalse();
    }

    private Process startHolder() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StoreHolder.class.getName(), Fixtures.url(dir))
                .redirectError(dir.resolve("holder.err").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("holder process output; stderr: %s", Files.exists(dir.resolve("holder.err"))
                ? Files.readString(dir.resolve("holder.err")) : "").isEqualTo("ready");
        return p;
    }

    private List<Integer> schemaVersions() throws Exception {
        try (Connection c = DriverManager.getConnection(Fixtures.url(dir), "sa", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            List<Integer> versions = new java.util.ArrayList<>();
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
