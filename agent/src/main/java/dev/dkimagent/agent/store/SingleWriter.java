package dev.dkimagent.agent.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * What keeps a second agent off the state for as long as this one runs: on PostgreSQL an
 * advisory lock ({@link PostgresLock}), on H2 the database file held open ({@link H2Anchor}).
 * Taken before the pool opens and before any migration, so only the holder ever migrates. In
 * cluster mode the holders are the cluster's agents, and {@link #migrationTurn} lets one of them
 * migrate while the others wait: Flyway's own lock does not cover a fresh database, where two
 * agents can both decide to create (or baseline) its history table.
 */
interface SingleWriter extends AutoCloseable {

    /** H2: "Database may be already in use" (another process holds the file). */
    int H2_DATABASE_ALREADY_OPEN = 90020;

    /** True while the guarantee still holds (its session or connection answers). */
    boolean held();

    @Override
    void close();

    /**
     * Holds off the other holders' migrations until closed. Only a shared guarantee has other
     * holders; an exclusive one returns a turn that does nothing.
     */
    MigrationTurn migrationTurn() throws StoreException;

    /** One holder's turn to migrate; closing it lets the next one in. */
    interface MigrationTurn extends AutoCloseable {
        MigrationTurn NONE = () -> { };

        @Override
        void close();
    }

    /**
     * Takes the guarantee; {@code shared} (cluster mode, PostgreSQL only) shares it with the other
     * cluster agents and still keeps single-mode agents out (see {@link PostgresLock}).
     */
    static SingleWriter acquire(String jdbcUrl, String user, String password, String where, boolean shared)
            throws StoreException {
        if (PostgresLock.appliesTo(jdbcUrl)) {
            return PostgresLock.acquire(connect(jdbcUrl, user, password, where), where, shared);
        }
        if (shared) {
            throw new StoreException("cluster mode needs the state on PostgreSQL; " + where + " is not", null);
        }
        return H2Anchor.acquire(jdbcUrl, user, password, where);
    }

    /** A plain connection outside the pool, with the messages a person needs when it fails. */
    static Connection connect(String jdbcUrl, String user, String password, String where) throws StoreException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(jdbcUrl, props);
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                throw heldByAnother(where, e);
            }
            throw new StoreException("cannot open the state database at " + where + ": " + e.getMessage()
                    + "; check state.url and its credentials", e);
        }
    }

    static StoreException heldByAnother(String where, Throwable cause) {
        return new StoreException("another dkim-agent holds the state at " + where + "; stop it first "
                + "(or give this one its own state.url)", cause);
    }
}
