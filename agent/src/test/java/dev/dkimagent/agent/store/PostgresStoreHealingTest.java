package dev.dkimagent.agent.store;

import dev.dkimagent.agent.testworld.PostgresCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Healing on a real PostgreSQL: every session of the database ended by the server (as a restart
 * does), and a reopen kept off by another session holding the single-writer lock.
 */
class PostgresStoreHealingTest extends StoreHealingTest {

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();
    private Connection rival;

    @AfterEach
    void closeRival() throws SQLException {
        if (rival != null) {
            rival.close();
        }
    }

    @Override
    TestDatabase freshDatabase() {
        return TestDatabase.postgres(POSTGRES.get());
    }

    @Override
    void closeTheDatabaseUnderTheStore() throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!rs.getBoolean(1)) {
                    throw new IllegalStateException("a backend of the store was not terminated");
                }
            }
        }
    }

    @Override
    String preventReopen() throws Exception {
        rival = db.connect();
        try (PreparedStatement ps = rival.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, PostgresLock.KEY);
            ps.execute();
        }
        return "another dkim-agent holds the state";
    }

    @Override
    void allowReopen() throws Exception {
        // unlock first: a closed session's locks are released a moment after close() returns
        try (PreparedStatement ps = rival.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, PostgresLock.KEY);
            ps.execute();
        }
        rival.close();
        rival = null;
    }
}
