package dev.dkimagent.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer lock on PostgreSQL: a session-level advisory lock on a fixed key, taken with
 * {@code pg_try_advisory_lock} on a connection of its own that does nothing else, so the lock
 * lives exactly as long as that session. Closing releases it; if the agent dies (even kill -9)
 * the server ends the session when the socket closes, and the lock with it. Advisory locks are
 * per database: agents on different databases of one server do not contend.
 */
final class PostgresLock implements SingleWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresLock.class);
    private static final String PREFIX = "jdbc:postgresql:";

    /**
     * "dkimagnt" in ASCII. Fixed for every version of the agent, so old and new contend too.
     * In {@code pg_locks}: classid 1684760941, objid 1634168436, objsubid 1.
     */
    static final long KEY = 0x646b_696d_6167_6e74L;

    private final Connection session;

    private PostgresLock(Connection session) {
        this.session = session;
    }

    static boolean appliesTo(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /**
     * Takes the lock on {@code session} (which this lock then owns and closes), or throws the
     * "another dkim-agent holds the state" error when another session has it.
     */
    static PostgresLock acquire(Connection session, String where) throws StoreException {
        try {
            // Autocommit: a session lock outlives transactions, and an open one would sit
            // "idle in transaction" for the agent's whole life.
            session.setAutoCommit(true);
            if (tryLock(session)) {
                return new PostgresLock(session);
            }
            closeQuietly(session);
            throw SingleWriter.heldByAnother(where, null);
        } catch (SQLException e) {
            closeQuietly(session);
            throw new StoreException("cannot take the single-writer lock on the state database at " + where + ": "
                    + e.getMessage(), e);
        }
    }

    /** True while the lock's session answers; a session the server ended has lost the lock. */
    @Override
    public boolean held() {
        try {
            return session.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Releases the lock, then ends its session. The explicit unlock is synchronous: a server ends
     * a closed session (and drops its locks) a moment later, and an agent started right after
     * this one stopped must not find the lock still taken.
     */
    @Override
    public void close() {
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        } catch (SQLException e) {
            LOG.debug("unlocking before closing the lock session failed (closing releases it): {}", e.getMessage());
        }
        try {
            session.close();
        } catch (SQLException e) {
            LOG.warn("closing the state lock session failed (the server releases the lock when it "
                    + "notices): {}", e.getMessage());
        }
    }

    private static boolean tryLock(Connection session) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection session) {
        try {
            session.close();
        } catch (SQLException ignored) {
            // the lock error is the one to report
        }
    }
}
