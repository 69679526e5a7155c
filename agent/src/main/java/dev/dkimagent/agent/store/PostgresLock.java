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
 *
 * <p>Cluster mode takes the same key shared ({@code pg_try_advisory_lock_shared}): cluster agents
 * hold it together, while an exclusive holder (a single-mode agent) and shared holders refuse
 * each other, so a single-mode agent never writes beside a cluster, nor the reverse. The refusal
 * names the mode that holds the state (read from {@code pg_locks}).
 */
final class PostgresLock implements SingleWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresLock.class);
    private static final String PREFIX = "jdbc:postgresql:";

    /**
     * "dkimagnt" in ASCII. Fixed for every version of the agent, so old and new contend too.
     * In {@code pg_locks}: classid 1684760941, objid 1634168436, objsubid 1.
     */
    static final long KEY = 0x646b_696d_6167_6e74L;
    /** "dkimmigr": cluster agents take turns migrating under it (exclusive, on the lock's session). */
    static final long MIGRATION_KEY = 0x646b_696d_6d69_6772L;

    private final Connection session;
    private final boolean shared;
    private final String where;

    private PostgresLock(Connection session, boolean shared, String where) {
        this.session = session;
        this.shared = shared;
        this.where = where;
    }

    static boolean appliesTo(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /**
     * Takes the lock on {@code session} (which this lock then owns and closes), exclusive or (cluster
     * mode) {@code shared}, or throws the "another dkim-agent holds the state" error when another
     * session holds it in the other way.
     */
    static PostgresLock acquire(Connection session, String where, boolean shared) throws StoreException {
        try {
            // Autocommit: a session lock outlives transactions, and an open one would sit
            // "idle in transaction" for the agent's whole life.
            session.setAutoCommit(true);
            if (tryLock(session, shared)) {
                return new PostgresLock(session, shared, where);
            }
            StoreException refused = refusal(session, where, shared);
            closeQuietly(session);
            throw refused;
        } catch (SQLException e) {
            closeQuietly(session);
            throw new StoreException("cannot take the single-writer lock on the state database at " + where + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Cluster agents migrate one at a time: an exclusive advisory lock on {@link #MIGRATION_KEY},
     * waited for without a limit (a holder that dies ends its session, and the lock with it).
     */
    @Override
    public MigrationTurn migrationTurn() throws StoreException {
        if (!shared) {
            return MigrationTurn.NONE;
        }
        try {
            if (!call(session, "SELECT pg_try_advisory_lock(?)", MIGRATION_KEY)) {
                LOG.info("state database at {}: waiting while another cluster agent migrates it", where);
                try (PreparedStatement wait = session.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    wait.setLong(1, MIGRATION_KEY);
                    wait.execute();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot take the migration lock on the state database at " + where + ": "
                    + e.getMessage(), e);
        }
        return () -> {
            try {
                call(session, "SELECT pg_advisory_unlock(?)", MIGRATION_KEY);
            } catch (SQLException e) {
                LOG.warn("releasing the migration lock failed (closing the lock session releases it): {}",
                        e.getMessage());
            }
        };
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
        String unlock = shared ? "SELECT pg_advisory_unlock_shared(?)" : "SELECT pg_advisory_unlock(?)";
        try (PreparedStatement ps = session.prepareStatement(unlock)) {
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

    private static boolean tryLock(Connection session, boolean shared) throws SQLException {
        return call(session, shared ? "SELECT pg_try_advisory_lock_shared(?)" : "SELECT pg_try_advisory_lock(?)", KEY);
    }

    /** Runs one of the advisory-lock functions on {@code key}; returns its boolean answer. */
    private static boolean call(Connection session, String sql, long key) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Why the lock was refused: a cluster agent finds a single-mode agent (exclusive holder), a
     * single-mode agent finds another single-mode agent or a running cluster (shared holders).
     */
    private static StoreException refusal(Connection session, String where, boolean shared) throws SQLException {
        boolean clusterHolds = heldShared(session);
        if (shared && !clusterHolds) {
            return new StoreException("a dkim-agent in single mode (cluster.enabled = false) holds the state at "
                    + where + "; this agent runs in cluster mode: stop that agent, or set cluster.enabled = true"
                    + " on it too", null);
        }
        if (!shared && clusterHolds) {
            return new StoreException("dkim-agents in cluster mode (cluster.enabled = true) share the state at "
                    + where + "; this agent runs in single mode: set cluster.enabled = true to join them, or give"
                    + " this one its own state.url", null);
        }
        return SingleWriter.heldByAnother(where, null);
    }

    /** True when the key is held shared (by cluster agents) right now. */
    private static boolean heldShared(Connection session) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1 AND granted AND mode = 'ShareLock'")) {
            ps.setLong(1, KEY >>> 32);
            ps.setLong(2, KEY & 0xffff_ffffL);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
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
