package dev.dkimagent.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The {@code notify_serial} table: the first node to insert a zone's serial rechecks it. Cluster
 * mode only (PostgreSQL): {@code ON CONFLICT DO NOTHING} tells the loser without an error that
 * would abort its transaction.
 */
final class NotifySerialSql {

    private NotifySerialSql() {
    }

    /** True when this insert made {@code node} the claimant; claims older than {@code forgetBefore} go first. */
    static boolean claim(Connection c, String zone, long serial, String node, Instant at, Instant forgetBefore)
            throws SQLException {
        try (PreparedStatement forget = c.prepareStatement("DELETE FROM notify_serial WHERE claimed_at < ?")) {
            forget.setLong(1, forgetBefore.toEpochMilli());
            forget.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO notify_serial (zone, serial, node_id, claimed_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, zone);
            insert.setLong(2, serial);
            insert.setString(3, node);
            insert.setLong(4, at.toEpochMilli());
            return insert.executeUpdate() == 1;
        }
    }
}
