package dev.dkimagent.agent.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/** The store's connections: a small HikariCP pool, transactions committed explicitly. */
final class Pool {

    /**
     * The store's own need: zone reads and the one serialized writer (zone commits, the outbox
     * dispatcher) at once. Enough in single mode; in cluster mode the pool is shared with the
     * scheduler's job store and grows by what that needs (see StoreOptions.extraConnections).
     */
    static final int MAX_CONNECTIONS = 4;
    private static final long BORROW_TIMEOUT_MILLIS = 10_000;

    private Pool() {
    }

    /** Opens the pool with one connection made at once, so a bad URL fails here with its reason. */
    static HikariDataSource open(String jdbcUrl, String user, String password, String where, int extraConnections)
            throws StoreException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("dkim-agent-state");
        config.setJdbcUrl(H2Files.connectUrl(jdbcUrl));
        config.setUsername(user);
        config.setPassword(password);
        config.setAutoCommit(false);
        config.setMaximumPoolSize(MAX_CONNECTIONS + extraConnections);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(BORROW_TIMEOUT_MILLIS);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("cannot open the state database at " + where + ": " + cause.getMessage()
                    + "; check state.url and its credentials", e);
        }
    }
}
