package dev.dkimagent.agent.alert;

import static dev.dkimagent.agent.alert.AlertFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkimagent.agent.store.OutboxMessage;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.StoreAccessException;
import dev.dkimagent.agent.store.TestDatabase;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesMemory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert states, SES memory and notifications through the codecs into the store: H2 and PostgreSQL. */
abstract class AlertStateStoreTest {

    @TempDir
    Path dir;

    TestDatabase db;
    Store store;
    AlertStateStore states;

    abstract TestDatabase freshDatabase();

    @BeforeEach
    void open() throws Exception {
        db = freshDatabase();
        store = db.open();
        states = new AlertStateStore(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void commit_roundTripsStatesSesMemoryAndNotifications() throws Exception {
        Map<String, AlertState> after = byKey(AlertFixtures.firing("t1"), pending("other.example", "t9"));
        Map<String, SesMemory> memory = Map.of(
                "ses:prod/eu-west-1|example.com", new SesMemory(DkimStatus.SUCCESS, T0, List.of("a", "b", "c")),
                "ses:prod/us-east-1|example.com", new SesMemory(null, null, List.of()));
        Notification n = AlertFixtures.firingNotification("example.com", T0);

        states.commit(Map.of(), after, List.of(n), memory);
        store.close();
        store = db.open();
        states = new AlertStateStore(store);

        assertThat(states.states()).isEqualTo(after);
        assertThat(states.sesMemory()).isEqualTo(memory);
        assertThat(store.dueMessages(T0, 10)).singleElement()
                .satisfies(m -> assertThat(NotificationCodec.decode(m.payload())).isEqualTo(n));
    }

    @Test
    void states_ofGroups_returnsOnlyStatesGroupedUnderThem() {
        states.commit(Map.of(), byKey(state("a.example", "t1"), state("a.example", "t2"), state("b.example", "t1"),
                state("c.example", "t1")), List.of(), Map.of());

        assertThat(states.states(List.of("a.example", "c.example")).values()).extracting(AlertState::identity)
                .containsExactly("a.example", "a.example", "c.example");
        assertThat(states.states(List.of("nowhere.example"))).isEmpty();
    }

    @Test
    void commit_writesOnlyTheStatesThatDiffer_andForgetsKeysGoneFromAfter() throws Exception {
        AlertState a1 = state("a.example", "t1");
        AlertState a2 = state("a.example", "t2");
        AlertState a3 = state("a.example", "t3");
        states.commit(Map.of(), byKey(a1, a2, a3), List.of(), Map.of());
        tamper("UPDATE alert_state SET hits = 42 WHERE alert_key = '" + a2.key() + "'");
        AlertState a1Again = new AlertState(a1.key(), a1.identity(), a1.status(), a1.hits() + 1, 0, a1.firstSeen(),
                a1.lastNotified(), a1.line());

        states.commit(byKey(a1, a2, a3), byKey(a1Again, a2), List.of(), Map.of());

        Map<String, AlertState> now = states.states();
        assertThat(now).containsOnlyKeys(a1.key(), a2.key());
        assertThat(now.get(a1.key())).isEqualTo(a1Again);
        assertThat(now.get(a2.key()).hits()).as("an unchanged state is not written again").isEqualTo(42);
    }

    @Test
    void commit_ofOneZone_leavesOtherZonesStatesAlone() {
        AlertState b1 = state("b.example", "t1");
        states.commit(Map.of(), byKey(state("a.example", "t1"), b1), List.of(), Map.of());

        Map<String, AlertState> zoneA = states.states(List.of("a.example"));
        states.commit(zoneA, Map.of(), List.of(), Map.of());

        assertThat(states.states()).isEqualTo(byKey(b1));
    }

    @Test
    void commit_withNoSesMemory_keepsTheMemoryThere() {
        SesMemory m = new SesMemory(DkimStatus.PENDING, null, List.of("x"));
        states.commit(Map.of(), Map.of(), List.of(), Map.of("k", m));

        states.commit(Map.of(), byKey(state("a.example", "t1")), List.of(), Map.of());

        assertThat(states.sesMemory()).isEqualTo(Map.of("k", m));
    }

    @Test
    void restart_keepsFiringStates_soTheSameVerdictsAnnounceNothing() throws Exception {
        Lifecycle lifecycle = new Lifecycle(AlertPolicy.defaults());
        List<Verdict> verdicts = List.of(verdict("t1"), verdict("t2"));
        Set<String> scope = Set.of("example.com");
        for (int sweep = 0; sweep < 2; sweep++) {
            Map<String, AlertState> before = states.states();
            LifecycleResult next = lifecycle.apply(before, verdicts, scope, Map.of(), T0.plusSeconds(300L * sweep));
            states.commit(before, next.states(), next.notifications(), Map.of());
        }
        assertThat(store.pendingCount()).isEqualTo(1);
        store.close();
        store = db.open();
        states = new AlertStateStore(store);

        LifecycleResult afterRestart = lifecycle.apply(states.states(), verdicts, scope, Map.of(),
                T0.plusSeconds(600));

        assertThat(afterRestart.notifications()).isEmpty();
        assertThat(store.pendingCount()).isEqualTo(1);
    }

    @Test
    void storedRowsOfAnUnknownFormat_failLoudly_andAreNotOverwritten() throws Exception {
        AlertState a1 = state("a.example", "t1");
        states.commit(Map.of(), byKey(a1), List.of(), Map.of("k", new SesMemory(null, null, List.of())));
        tamper("UPDATE alert_state SET line_format = 2");
        tamper("UPDATE ses_memory SET last_status = 'REVOKED'");

        assertThatThrownBy(states::states).isInstanceOf(StoredFormatException.class)
                .hasMessageContaining("has line format version 2; this agent reads version 1 only");
        assertThatThrownBy(states::sesMemory).isInstanceOf(StoredFormatException.class)
                .hasMessageContaining("stored SES memory k: 'last_status' has unknown value REVOKED");
    }

    @Test
    void unreadableOutboxMessage_isSetAsideLoudly_andTheNextOneGoesOut() throws Exception {
        states.commit(Map.of(), Map.of(), List.of(AlertFixtures.firingNotification("example.com", T0),
                AlertFixtures.reminderNotification("example.com", T0)), Map.of());
        tamper("UPDATE outbox SET payload_format = 9 WHERE id = (SELECT MIN(id) FROM outbox)");
        ScriptedChannel channel = new ScriptedChannel();

        int delivered = new OutboxDispatcher(store, channel, new MutableClock(T0), e -> { }).deliverDue();

        assertThat(delivered).isEqualTo(1);
        assertThat(channel.deliveries()).extracting(ScriptedChannel.Call::notification)
                .containsExactly(AlertFixtures.reminderNotification("example.com", T0));
        assertThat(store.outbox().get(0).status()).isEqualTo("permanent");
        assertThat(store.outbox().get(0).lastError()).isEqualTo("stored notification is unreadable: stored "
                + "notification has format version 9; this agent reads version 1 only "
                + "(written by a newer dkim-agent?)");
    }

    @Test
    void deliveryState_inFlightUncertainHeldAndPause_roundTrip() {
        states.commit(Map.of(), Map.of(), List.of(AlertFixtures.firingNotification("a.example", T0),
                AlertFixtures.firingNotification("b.example", T0)), Map.of());
        OutboxMessage a = store.dueMessages(T0, 10).get(0);
        OutboxMessage b = store.dueMessages(T0, 10).get(1);

        store.recordInFlight(a, T0);
        OutboxMessage interrupted = store.dueMessages(T0, 10).get(0);
        store.recordUncertain(interrupted, T0.plusSeconds(30), "no answer");
        OutboxMessage uncertain = store.dueMessages(T0.plusSeconds(30), 10).get(0);
        store.recordHeld(b, T0.plusSeconds(900), "HTTP 404", "fp-1");
        store.recordChannelPause("slack_bot", T0.plusSeconds(300));

        assertThat(interrupted.inFlightAt()).isEqualTo(T0);
        assertThat(interrupted.firstSentAt()).isEqualTo(T0);
        assertThat(uncertain.uncertainAttempts()).isEqualTo(1);
        assertThat(uncertain.attempts()).isEqualTo(1);
        assertThat(uncertain.inFlightAt()).isNull();
        assertThat(uncertain.firstSentAt()).isEqualTo(T0);
        assertThat(store.heldCount()).isEqualTo(1);
        assertThat(store.dueMessages(T0.plusSeconds(60), 10, "fp-1")).extracting(OutboxMessage::identity)
                .as("held under these settings: waits").containsExactly("a.example");
        assertThat(store.dueMessages(T0.plusSeconds(60), 10, "fp-2")).extracting(OutboxMessage::identity)
                .as("held under other settings: due at once").containsExactly("a.example", "b.example");
        assertThat(store.releaseHeld(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(store.dueMessages(T0.plusSeconds(60), 10, "fp-1")).extracting(OutboxMessage::identity)
                .containsExactly("a.example", "b.example");
        assertThat(store.channelPause("slack_bot")).hasValue(T0.plusSeconds(300));
        assertThat(store.channelPause("slack_webhook")).isEmpty();
        store.recordChannelPause("slack_bot", null);
        assertThat(store.channelPause("slack_bot")).isEmpty();
    }

    @Test
    void commit_failing_savesNothing() {
        AlertState a1 = state("a.example", "t1");
        Notification noIdentity = AlertFixtures.firingNotification(null, T0);

        assertThatThrownBy(() -> states.commit(Map.of(), byKey(a1), List.of(noIdentity), Map.of()))
                .isInstanceOf(StoreAccessException.class).hasMessageContaining("nothing of it was saved");

        assertThat(states.states()).isEmpty();
    }

    private void tamper(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static AlertState state(String identity, String selector) {
        AlertLine l = AlertFixtures.line(selector);
        AlertLine line = new AlertLine(l.key().replace("example.com", identity), l.rule(), l.tag(), l.severity(),
                identity, selector, l.nameserver(), l.address(), l.message(), l.remediation(), l.dig());
        return new AlertState(line.key(), identity, AlertStatus.FIRING, 2, 0, T0, T0.plusSeconds(300), line);
    }

    private static AlertState pending(String identity, String selector) {
        AlertState s = state(identity, selector);
        return new AlertState(s.key(), identity, AlertStatus.PENDING, 1, 0, T0, null, s.line());
    }

    private static Map<String, AlertState> byKey(AlertState... states) {
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
