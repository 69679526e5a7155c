package dev.dkimagent.agent.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** {@code cluster_node} (created by the PostgreSQL cluster migration): one row per node id. */
final class NodeSql {
    private static final String UPSERT = "INSERT INTO cluster_node (node_id, version, config_hash, started_at, seen_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (node_id) DO UPDATE SET version = EXCLUDED.version,"
            + " config_hash = EXCLUDED.config_hash, started_at = EXCLUDED.started_at, seen_at = EXCLUDED.seen_at";
    private static final String SEEN_SINCE = "SELECT node_id, version, config_hash, started_at, seen_at"
            + " FROM cluster_node WHERE seen_at >= ? ORDER BY node_id";

    private NodeSql() {
    }

    static void upsert(Connection c, NodeRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, row.nodeId());
            ps.setString(2, row.version());
            ps.setString(3, row.configHash());
            ps.setObject(4, utc(row.startedAt()));
            ps.setObject(5, utc(row.seenAt()));
            ps.executeUpdate();
        }
    }

    /** The nodes that checked in at or after {@code since}, by node id. */
    static List<NodeRow> seenSince(Connection c, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SEEN_SINCE)) {
            ps.setObject(1, utc(since));
            List<NodeRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new NodeRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
            return rows;
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
