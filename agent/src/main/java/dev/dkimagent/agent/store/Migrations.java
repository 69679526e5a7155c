package dev.dkimagent.agent.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema, by Flyway: {@code db/migration/common/V<n>__*.sql} for every database, and
 * {@code db/migration/<vendor>/} ({@code postgresql}, {@code h2}) for what only one of them runs
 * (the cluster's tables are PostgreSQL only). A version number is used once across the folders;
 * Flyway records a script by its name relative to its folder, so moving V1..V4 into
 * {@code common/} changed no history row and no checksum. A database written before Flyway (the
 * agent's own migrator kept its version in {@code schema_version}) is adopted: Flyway takes it as
 * its baseline at that version and applies the rest. A database migrated by a newer agent is
 * refused rather than misread.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** Every database's migrations; then {@link #VENDOR} with the database's name (postgresql, h2). */
    static final String COMMON = "classpath:db/migration/common";
    /**
     * Spring Boot's spelling, which Flyway itself does not expand: {@link #locations} does, from the
     * JDBC driver's product name.
     */
    static final String VENDOR = "classpath:db/migration/{vendor}";
    /** The hand-written migrator's table and the last version it ever wrote. */
    static final String LEGACY_TABLE = "schema_version";
    static final int LAST_LEGACY_VERSION = 1;
    static final String HISTORY_TABLE = "flyway_schema_history";

    private Migrations() {
    }

    /** Brings the schema up to date; returns the version it is at. */
    static String migrate(DataSource dataSource, String where) throws StoreException {
        try {
            String[] locations = locations(dataSource);
            Flyway flyway = flyway(dataSource, locations, null);
            Integer legacy = legacyVersion(dataSource, where);
            if (legacy != null) {
                flyway(dataSource, locations, legacy).baseline();
                LOG.info("state database at {}: adopted the schema at version {} for Flyway", where, legacy);
            }
            refuseNewer(flyway, where);
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0 || legacy != null) {
                flushIfH2(dataSource);
                LOG.info("state database at {} migrated to version {}", where, result.targetSchemaVersion);
            }
            return flyway.info().current().getVersion().getVersion();
        } catch (FlywayException | SQLException e) {
            throw new StoreException("cannot migrate the state database at " + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * H2 writes committed changes to its file a moment later, and its DDL is not transactional: a
     * kill -9 right after a migration could leave tables without the history row that says so.
     * A synced checkpoint puts the whole migration on disk before the agent goes on.
     */
    private static void flushIfH2(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (c.getMetaData().getDatabaseProductName().equals("H2")) {
                try (Statement st = c.createStatement()) {
                    st.execute("CHECKPOINT SYNC");
                }
            }
            c.commit();
        }
    }

    /** The common location and the database's own: {@code db/migration/postgresql} or {@code db/migration/h2}. */
    static String[] locations(DataSource dataSource) throws SQLException {
        String vendor;
        try (Connection c = dataSource.getConnection()) {
            vendor = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            c.rollback();
        }
        return new String[] {COMMON, VENDOR.replace("{vendor}", vendor)};
    }

    private static Flyway flyway(DataSource dataSource, String[] locations, Integer baseline) {
        var config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations)
                .table(HISTORY_TABLE)
                // an applied migration this version does not know fails validation (see refuseNewer)
                .ignoreMigrationPatterns(new String[0]);
        if (baseline != null) {
            config.baselineVersion(String.valueOf(baseline))
                    .baselineDescription("adopted from schema_version " + baseline);
        } else {
            // a database that holds other tables but none of ours: all our migrations still apply
            config.baselineOnMigrate(true).baselineVersion("0").baselineDescription("before dkim-agent");
        }
        return config.load();
    }

    /** The version the hand-written migrator left, when its table is there and Flyway's is not. */
    private static Integer legacyVersion(DataSource dataSource, String where) throws SQLException, StoreException {
        try (Connection c = dataSource.getConnection()) {
            if (!hasTable(c, LEGACY_TABLE) || hasTable(c, HISTORY_TABLE)) {
                return null;
            }
            int version;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + LEGACY_TABLE)) {
                rs.next();
                version = rs.getInt(1);
            }
            c.rollback();
            if (version < 1 || version > LAST_LEGACY_VERSION) {
                throw new StoreException("the state database at " + where + " has schema_version " + version
                        + ", which no dkim-agent release wrote; restore a backup or point state.url elsewhere");
            }
            return version;
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String spelling : new String[] {name, name.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), spelling, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void refuseNewer(Flyway flyway, String where) throws StoreException {
        MigrationInfo[] future = Arrays.stream(flyway.info().applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .toArray(MigrationInfo[]::new);
        if (future.length > 0) {
            MigrationInfo[] known = flyway.info().all();
            throw new StoreException("the state database at " + where + " was migrated by a newer dkim-agent (schema "
                    + future[future.length - 1].getVersion() + "; this one knows up to "
                    + latestKnown(known) + "); run that version or newer, or restore a backup taken before it");
        }
    }

    private static String latestKnown(MigrationInfo[] all) {
        return Arrays.stream(all).filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .reduce((a, b) -> b).map(m -> m.getVersion().getVersion()).orElse("none");
    }
}
