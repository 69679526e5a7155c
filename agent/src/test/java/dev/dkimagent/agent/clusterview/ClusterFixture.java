package dev.dkimagent.agent.clusterview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster tables the metrics read but another part of the agent creates (Quartz's scheduler
 * state from Quartz's own PostgreSQL DDL, and cluster_shard as the cluster migration defines it),
 * created if missing so the tests run before and after that migration.
 */
final class ClusterFixture {
    private static final String QUARTZ_DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    private static final Pattern SCHEDULER_STATE =
            Pattern.compile("CREATE TABLE QRTZ_SCHEDULER_STATE\\s*\\(.*?\\);", Pattern.DOTALL);
    static final String CLUSTER_SHARD = "CREATE TABLE IF NOT EXISTS cluster_shard (shard INTEGER PRIMARY KEY, "
            + "node_id VARCHAR(64), started_at TIMESTAMP WITH TIME ZONE, finished_at TIMESTAMP WITH TIME ZONE, "
            + "zones INTEGER, ok BOOLEAN)";

    private ClusterFixture() {
    }

    static void createTables(Connection c) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute(schedulerStateDdl().replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"));
            st.execute(CLUSTER_SHARD);
        }
    }

    /** Quartz's own CREATE TABLE of QRTZ_SCHEDULER_STATE, from the jar the agent runs with. */
    static String schedulerStateDdl() throws IOException {
        try (InputStream in = ClusterFixture.class.getClassLoader().getResourceAsStream(QUARTZ_DDL)) {
            if (in == null) {
                throw new IllegalStateException(QUARTZ_DDL + " is not on the class path (Quartz jar)");
            }
            Matcher m = SCHEDULER_STATE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalStateException(QUARTZ_DDL + " has no CREATE TABLE QRTZ_SCHEDULER_STATE");
            }
            return m.group();
        }
    }
}
