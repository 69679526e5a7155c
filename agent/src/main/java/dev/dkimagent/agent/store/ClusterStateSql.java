package dev.dkimagent.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads of the cluster's own tables (PostgreSQL, cluster mode only): Quartz's scheduler state
 * (which nodes check in) and cluster_shard (each shard's current or last run).
 */
final class ClusterStateSql {

    private ClusterStateSql() {
    }

    /**
     * Nodes whose last Quartz check-in is at most two of their check-in intervals old at
     * {@code now} (Quartz itself takes a node for dead a little after one interval without one).
     */
    static int liveNodes(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT instance_name) FROM "
                + "qrtz_scheduler_state WHERE last_checkin_time + 2 * checkin_interval >= ?")) {
            ps.setLong(1, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static List<ShardRow> shards(Connection c) throws SQLException {
        List<ShardRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT shard, node_id, started_at, finished_at, ok FROM cluster_shard ORDER BY shard");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                boolean ok = rs.getBoolean(5);
                Boolean known = rs.wasNull() ? null : ok;
                rows.add(new ShardRow(rs.getInt(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), known));
            }
        }
        return rows;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
