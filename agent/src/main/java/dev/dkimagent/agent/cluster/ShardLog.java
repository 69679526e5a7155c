package dev.dkimagent.agent.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@code cluster_shard}: which node runs or last ran each shard, when that run started and
 * finished, how many zones it held and whether every one was judged. A run's start sets the node
 * and {@code started_at} and keeps the previous run's {@code finished_at}, {@code zones} and
 * {@code ok} (so {@code finished_at < started_at} while a run is under way or after a node died
 * in one); its end sets those three.
 */
public final class ShardLog {
    private static final String STARTED = "INSERT INTO cluster_shard (shard, node_id, started_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (shard) DO UPDATE SET node_id = EXCLUDED.node_id, started_at = EXCLUDED.started_at";
    private static final String FINISHED = "UPDATE cluster_shard SET finished_at = ?, zones = ?, ok = ?"
            + " WHERE shard = ? AND node_id = ?";

    private final Supplier<DataSource> pool;

    public ShardLog(Supplier<DataSource> pool) {
        this.pool = pool;
    }

    /** Shard {@code shard} started on {@code node} at {@code at}. */
    public void started(int shard, String node, Instant at) throws SQLException {
        try (Connection c = pool.get().getConnection(); PreparedStatement ps = c.prepareStatement(STARTED)) {
            ps.setInt(1, shard);
            ps.setString(2, node);
            ps.setObject(3, utc(at));
            ps.executeUpdate();
            c.commit();
        }
    }

    /** The run of {@code shard} on {@code node} ended at {@code at}, with {@code zones} zones, all judged or not. */
    public void finished(int shard, String node, Instant at, int zones, boolean ok) throws SQLException {
        try (Connection c = pool.get().getConnection(); PreparedStatement ps = c.prepareStatement(FINISHED)) {
            ps.setObject(1, utc(at));
            ps.setInt(2, zones);
            ps.setBoolean(3, ok);
            ps.setInt(4, shard);
            ps.setString(5, node);
            ps.executeUpdate();
            c.commit();
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
