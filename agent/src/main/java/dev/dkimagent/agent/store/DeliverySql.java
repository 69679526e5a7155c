package dev.dkimagent.agent.store;

import static dev.dkimagent.agent.store.Sql.setInstant;
import static dev.dkimagent.agent.store.Sql.truncate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The outbox's delivery-state columns (V3) and the {@code channel_pause} table. */
final class DeliverySql {

    private DeliverySql() {
    }

    /** An attempt starts: if the process dies before its outcome is recorded, the next start knows. */
    static void inFlight(Connection c, long id, Instant at) throws SQLException {
        String sql = "UPDATE outbox SET in_flight_at = ?, first_sent_at = COALESCE(first_sent_at, ?) WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, at.toEpochMilli());
            ps.setLong(2, at.toEpochMilli());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** An attempt that may have been posted: counted, and the next one scheduled. */
    static void uncertain(Connection c, OutboxMessage m, Instant next, String error) throws SQLException {
        String sql = "UPDATE outbox SET attempts = ?, uncertain_attempts = ?, next_attempt = ?, last_error = ?, "
                + "in_flight_at = NULL, held_settings = NULL, first_sent_at = COALESCE(first_sent_at, in_flight_at) "
                + "WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, m.attempts() + 1);
            ps.setInt(2, m.uncertainAttempts() + 1);
            ps.setLong(3, next.toEpochMilli());
            ps.setString(4, truncate(error));
            ps.setLong(5, m.id());
            ps.executeUpdate();
        }
    }

    /** Refused as configured by the settings with this fingerprint: kept pending until {@code next}. */
    static void held(Connection c, OutboxMessage m, Instant next, String error, String settings) throws SQLException {
        String sql = "UPDATE outbox SET attempts = ?, next_attempt = ?, last_error = ?, in_flight_at = NULL, "
                + "held_settings = ? WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, m.attempts() + 1);
            ps.setLong(2, next.toEpochMilli());
            ps.setString(3, truncate(error));
            ps.setString(4, settings);
            ps.setLong(5, m.id());
            ps.executeUpdate();
        }
    }

    /** Every held message is due at {@code now} (a start: the settings may have been fixed). */
    static int releaseHeld(Connection c, Instant now) throws SQLException {
        String sql = "UPDATE outbox SET next_attempt = ? WHERE status = ? AND held_settings IS NOT NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, OutboxSql.PENDING);
            return ps.executeUpdate();
        }
    }

    static long heldCount(Connection c) throws SQLException {
        String sql = "SELECT COUNT(*) FROM outbox WHERE status = ? AND held_settings IS NOT NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, OutboxSql.PENDING);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Optional<Instant> pause(Connection c, String channel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT paused_until FROM channel_pause WHERE channel_name = ?")) {
            ps.setString(1, channel);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        }
    }

    /** Replaces the channel's pause (null = none). */
    static void setPause(Connection c, String channel, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM channel_pause WHERE channel_name = ?")) {
            ps.setString(1, channel);
            ps.executeUpdate();
        }
        if (until == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO channel_pause (channel_name, paused_until) VALUES (?, ?)")) {
            ps.setString(1, channel);
            setInstant(ps, 2, until);
            ps.executeUpdate();
        }
    }
}
