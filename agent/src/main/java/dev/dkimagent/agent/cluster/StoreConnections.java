package dev.dkimagent.agent.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz's connections from the store's pool: one HikariCP pool for the store and the clustered
 * job store. Each connection is asked of the store's pool as it is now (the store replaces its
 * pool when it reopens after a failure), never of a pool kept here. Quartz's shutdown leaves the
 * pool open: the store owns and closes it.
 */
public final class StoreConnections implements ConnectionProvider {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private final Supplier<DataSource> pool;

    public StoreConnections(Supplier<DataSource> pool) {
        this.pool = pool;
    }

    /**
     * Registers these connections with Quartz under a name of their own (unique in this JVM, so
     * several nodes can run in one test JVM); returns the name for {@code org.quartz.jobStore.dataSource}.
     */
    public String register() {
        String name = "dkim-agent-state-" + NAMES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(name, this);
        return name;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return pool.get().getConnection();
        } catch (RuntimeException e) {
            // the store is down or reopening: Quartz retries, as with any failed connection
            throw new SQLException("the state database is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public void shutdown() {
        // the store closes its pool
    }

    @Override
    public void initialize() {
        // nothing to open: the store's pool is open
    }
}
