package dev.dkimagent.agent.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One opening of the state: the single-writer guarantee, taken first, and the pool, migrated and
 * proven writable. Closed together: a reopen takes both anew (the H2 file lock, the PostgreSQL
 * advisory lock), never the pool without the guarantee.
 */
record Opened(HikariDataSource pool, SingleWriter writer, String schemaVersion) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Opened.class);

    /**
     * Opens {@code jdbcUrl}. An H2 file that exists must open as a dkim-agent state (see
     * {@link StateFile}), and is then opened with IFEXISTS so that it is never replaced by a new one.
     * A reopen ({@code reopening}) never creates the file: if it is gone, the store stays down.
     */
    static Opened open(String jdbcUrl, String user, String password, String where, Instant now,
                       boolean reopening, StoreOptions options) throws StoreException {
        Optional<Path> existing = StateFile.existing(jdbcUrl);
        if (reopening && existing.isEmpty() && H2Files.dataFile(jdbcUrl).isPresent()) {
            throw new StoreException("the state file " + H2Files.dataFile(jdbcUrl).get() + " is gone; "
                    + "the agent does not create a new one while running: restore it (a restart would begin with an "
                    + "empty state)");
        }
        if (existing.isPresent()) {
            StateFile.check(existing.get(), jdbcUrl, user, password, where);
        }
        return openChecked(H2Files.connectUrl(jdbcUrl, existing.isPresent()), user, password, where, now, options);
    }

    private static Opened openChecked(String url, String user, String password, String where, Instant now,
                                      StoreOptions options) throws StoreException {
        SingleWriter writer = SingleWriter.acquire(url, user, password, where, options.shared());
        HikariDataSource pool = null;
        try {
            pool = Pool.open(url, user, password, where, options.extraConnections());
            String version;
            try (SingleWriter.MigrationTurn turn = writer.migrationTurn()) {
                version = Migrations.migrate(pool, where);
            }
            probe(pool, where, now);
            return new Opened(pool, writer, version);
        } catch (StoreException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            writer.close();
            throw e;
        }
    }

    /** Commits one write, or fails with why: a store that cannot write is not open. */
    static void probe(HikariDataSource pool, String where, Instant now) throws StoreException {
        try (Connection c = pool.getConnection()) {
            try {
                Probe.write(c, now);
                c.commit();
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("the state database at " + where + " cannot be written: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the failed write is the one to report
        }
    }

    /** True while the pool is open and the guarantee holds (its session or connection answers). */
    boolean usable() {
        return !pool.isClosed() && writer.held();
    }

    @Override
    public void close() {
        try {
            pool.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the state database pool failed: {}", e.getMessage());
        } finally {
            writer.close();
        }
    }
}
