package dev.dkimagent.agent.alert;

import static dev.dkimagent.agent.alert.AlertFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.StoreOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing goes out that cannot be marked delivered: while the state store is down the outbox waits. */
class OutboxStoreDownTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedChannel channel = new ScriptedChannel();
    private final List<DeliveryEvent> events = new ArrayList<>();

    @Test
    void deliverDue_databaseClosedUnderTheStore_postsNothing_thenDeliversOnceAfterTheReopen() throws Exception {
        try (Store store = Store.open(AlertFixtures.url(dir), "sa", "", new StoreOptions(false, clock))) {
            new AlertStateStore(store).commit(Map.of(), Map.of(),
                    List.of(AlertFixtures.firingNotification("example.com", T0)), Map.of());
            OutboxDispatcher dispatcher = new OutboxDispatcher(store, channel, clock, events::add);
            shutDown(AlertFixtures.url(dir));

            assertThat(dispatcher.deliverDue()).isZero();
            assertThat(dispatcher.deliverDue()).isZero();

            assertThat(channel.deliveries()).as("no post that could not be recorded").isEmpty();
            assertThat(events).isEmpty();
            assertThat(store.status().up()).isFalse();

            store.heal();
            assertThat(dispatcher.deliverDue()).isEqualTo(1);
            assertThat(dispatcher.deliverDue()).isZero();
            assertThat(channel.deliveries()).hasSize(1);
            assertThat(store.outbox()).singleElement().satisfies(row -> assertThat(row.status()).isEqualTo("delivered"));
        }
    }

    /** H2's SHUTDOWN from a side connection closes the database for every session, as a full disk does. */
    private static void shutDown(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }
}
