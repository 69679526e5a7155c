package dev.dkimagent.agent.alert;

import static dev.dkimagent.agent.alert.LegacyFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dkimagent.agent.store.Incident;
import dev.dkimagent.agent.store.OutboxMessage;
import dev.dkimagent.agent.store.OutboxRow;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.TestDatabase;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state database written by the agent of d74c9ab (hand-written migrator, unversioned JSON)
 * opens under today's code with every alert, memory, message and incident intact: nothing
 * re-announced, nothing lost, nothing sent twice. Same test on H2 and PostgreSQL.
 */
abstract class StateUpgradeTest {

    @TempDir
    Path dir;

    /** The legacy database, ready to open. */
    abstract TestDatabase legacyDatabase() throws Exception;

    @Test
    void open_legacyDatabase_isAdoptedByFlywayAndMigrated() throws Exception {
        TestDatabase db = legacyDatabase();
        try (Store store = db.open()) {
            assertThat(store.schemaVersion()).isEqualTo(db.latestVersion());
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"type\" FROM \"flyway_schema_history\" "
                     + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> history = new ArrayList<>();
            while (rs.next()) {
                history.add(rs.getString(1) + " " + rs.getString(2));
            }
            List<String> expected = new ArrayList<>(List.of("1 BASELINE"));
            db.migrations().stream().skip(1).forEach(v -> expected.add(v + " SQL"));
            assertThat(history).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void open_legacyDatabase_keepsEveryAlertStateAndSesMemory() throws Exception {
        try (Store store = legacyDatabase().open()) {
            AlertStateStore states = new AlertStateStore(store);

            assertThat(states.states()).isEqualTo(LegacyFixture.states());
            assertThat(states.sesMemory()).isEqualTo(LegacyFixture.memory());
            assertThat(states.states(List.of("b.example")).values())
                    .extracting(AlertState::status, AlertState::hits, AlertState::lastNotified)
                    .containsExactly(tuple(AlertStatus.FIRING, 2, T0.plusSeconds(360)),
                            tuple(AlertStatus.PENDING, 1, null));
        }
    }

    @Test
    void open_legacyDatabase_keepsEveryOutboxRowAndTheOpenIncident() throws Exception {
        try (Store store = legacyDatabase().open()) {
            assertThat(store.outbox()).containsExactly(
                    new OutboxRow(1, "a.example", "delivered", 0, T0.plusSeconds(300), "1762077600.000100", null),
                    new OutboxRow(2, "b.example", "pending", 2, T0.plusSeconds(600), null, "connect timed out"),
                    new OutboxRow(3, "c.example", "permanent", 1, T0.plusSeconds(360), null, "channel_not_found"),
                    new OutboxRow(4, "a.example", "pending", 0, T0.plusSeconds(3900), null, null));
            assertThat(store.incident("a.example"))
                    .contains(new Incident("a.example", "1762077600.000100", T0.plusSeconds(401)));
            List<OutboxMessage> due = store.dueMessages(T0.plusSeconds(3900), 10);
            assertThat(due).extracting(OutboxMessage::id, OutboxMessage::attempts).containsExactly(
                    tuple(2L, 2), tuple(4L, 0));
            assertThat(due).extracting(m -> NotificationCodec.decode(m.payload()))
                    .containsExactly(LegacyFixture.firingB(), LegacyFixture.reminderA());
        }
    }

    @Test
    void afterUpgrade_theSameFindingsAnnounceNothing_andOnlyPendingMessagesGoOut_once() throws Exception {
        Instant now = T0.plusSeconds(3960);
        try (Store store = legacyDatabase().open()) {
            AlertStateStore states = new AlertStateStore(store);
            Map<String, AlertState> before = states.states();
            LifecycleResult next = new Lifecycle(AlertPolicy.defaults()).apply(before, stillFiring(before),
                    Set.of("a.example", "b.example", "d.example"), Map.of(), now);
            states.commit(before, next.states(), next.notifications(), Map.of());

            assertThat(next.notifications()).as("nothing re-announced").isEmpty();
            assertThat(states.states().values()).extracting(AlertState::key, AlertState::status,
                    AlertState::lastNotified).containsExactlyInAnyOrder(
                    tuple(key("a.example", "tok1"), AlertStatus.FIRING, T0.plusSeconds(300)),
                    tuple(key("a.example", "tok2"), AlertStatus.FIRING, T0.plusSeconds(300)),
                    tuple(key("b.example", "sel1"), AlertStatus.FIRING, T0.plusSeconds(360)),
                    tuple(key("d.example", "tok9"), AlertStatus.FIRING, null));

            ScriptedChannel channel = new ScriptedChannel();
            OutboxDispatcher dispatcher = new OutboxDispatcher(store, channel, new MutableClock(now), e -> { });
            assertThat(dispatcher.deliverDue()).isEqualTo(2);
            assertThat(dispatcher.deliverDue()).isZero();

            assertThat(channel.deliveries()).extracting(ScriptedChannel.Call::notification,
                    ScriptedChannel.Call::threadRef).containsExactly(
                    tuple(LegacyFixture.firingB(), null),
                    tuple(LegacyFixture.reminderA(), "1762077600.000100"));
            assertThat(store.outbox()).extracting(OutboxRow::status)
                    .containsExactly("delivered", "delivered", "permanent", "delivered");
        }
    }

    /** The verdicts that keep every firing finding of the fixture firing, as the lines show them. */
    private static List<Verdict> stillFiring(Map<String, AlertState> states) {
        return states.values().stream().filter(s -> s.status() == AlertStatus.FIRING).map(s -> {
            AlertLine l = s.line();
            Subject subject = new Subject(s.identity(), l.zone(), l.selector(), l.nameserver(), l.address());
            Finding finding = new Finding(l.rule(), l.tag(), subject, Map.of(AlertLines.DIG_ARG, l.dig()));
            assertThat(finding.key()).isEqualTo(s.key());
            return new Verdict(finding, l.severity(), l.message(), l.remediation());
        }).toList();
    }

    private static String key(String zone, String selector) {
        return LegacyFixture.states().values().stream().filter(s -> s.identity().equals(zone)
                && selector.equals(s.line().selector())).findFirst().orElseThrow().key();
    }
}
