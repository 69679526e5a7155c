package dev.dkimagent.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkimagent.agent.testworld.Postgres;
import dev.dkimagent.agent.testworld.PostgresCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store on a real PostgreSQL (one throwaway cluster per class, one database per test), plus its lock. */
class PostgresStoreTest extends StoreTest {

    /** The lock's key as pg_locks shows it (high and low 32 bits), as docs/configuration.md quotes it. */
    private static final long LOCK_CLASSID = 1684760941L;
    private static final long LOCK_OBJID = 1634168436L;

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @Override
    TestDatabase freshDatabase() {
        return TestDatabase.postgres(POSTGRES.get());
    }

    @Test
    void lockKey_isTheOneTheDocsName() {
        assertThat(PostgresLock.KEY >>> 32).isEqualTo(LOCK_CLASSID);
        assertThat(PostgresLock.KEY & 0xffff_ffffL).isEqualTo(LOCK_OBJID);
    }

    @Test
    void open_holdsTheAdvisoryLockOnItsOwnSession_andCloseReleasesIt() throws Exception {
        try (Store store = open()) {
            assertThat(lockHolders()).hasSize(1);
            assertThat(store.reachable()).isTrue();
        }
        assertThat(lockHolders()).isEmpty();
    }

    @Test
    void notifySerial_isClaimedByTheFirstNodeOnly_andForgottenAfterwards() throws Exception {
        java.time.Instant t = java.time.Instant.parse("2026-12-06T10:00:00Z");
        try (Store store = open()) {
            assertThat(store.claimNotifySerial("example.com", 7, "node-a", t, t.minusSeconds(60))).isTrue();
            assertThat(store.claimNotifySerial("example.com", 7, "node-b", t, t.minusSeconds(60))).isFalse();
            assertThat(store.claimNotifySerial("example.com", 8, "node-b", t, t.minusSeconds(60))).isTrue();
            assertThat(store.claimNotifySerial("example.org", 7, "node-b", t, t.minusSeconds(60))).isTrue();

            java.time.Instant dayLater = t.plusSeconds(86_400);
            assertThat(store.claimNotifySerial("example.com", 7, "node-b", dayLater, dayLater.minusSeconds(60)))
                    .as("a claim older than the cut-off is forgotten").isTrue();
        }
    }

    @Test
    void lockSessionEndedByTheServer_makesTheStoreUnreachable() throws Exception {
        try (Store store = open()) {
            terminate(lockHolders().get(0));

            assertThat(store.reachable()).isFalse();
        }
    }

    @Test
    void lock_isPerDatabase_soAgentsOnOtherDatabasesOfTheServerStart() throws Exception {
        String other = POSTGRES.get().newDatabase();
        try (Store first = open(); Store second = Store.open(other, Postgres.USER, "")) {
            assertThat(first.reachable()).isTrue();
            assertThat(second.reachable()).isTrue();
        }
    }

    @Test
    void open_whileHeld_namesTheDatabaseWithoutCredentials() throws Exception {
        String withCredentials = db.url() + "?user=" + Postgres.USER + "&password=s3cret";
        try (Store first = open()) {
            assertThatThrownBy(() -> Store.open(withCredentials, null, null))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("another dkim-agent holds the state at " + db.url()
                            + "; stop it first (or give this one its own state.url)");
            assertThat(first.reachable()).isTrue();
        }
    }

    @Test
    void open_unreachableServer_saysWhereAndWhatToCheck_withoutThePassword() {
        assertThatThrownBy(() -> Store.open("jdbc:postgresql://127.0.0.1:1/nothing?password=s3cret", "dkim", "pw"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the state database at jdbc:postgresql://127.0.0.1:1/nothing")
                .hasMessageContaining("check state.url")
                .message().doesNotContain("s3cret").doesNotContain("pw");
    }

    /** Backend pids holding the agent's advisory lock in this test's database. */
    private List<Integer> lockHolders() throws SQLException {
        String sql = "SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                + "WHERE l.locktype = 'advisory' AND l.classid = ? AND l.objid = ? AND l.objsubid = 1 "
                + "AND l.granted AND d.datname = current_database()";
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, LOCK_CLASSID);
            ps.setLong(2, LOCK_OBJID);
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
            return pids;
        }
    }

    private void terminate(int backendPid) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
            ps.setInt(1, backendPid);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next() && rs.getBoolean(1)).as("backend %s terminated", backendPid).isTrue();
            }
        }
    }
}
