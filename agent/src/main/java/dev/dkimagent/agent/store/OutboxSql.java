package dev.dkimagent.agent.store;

import static dev.dkimagent.agent.store.Sql.setInstant;
import static dev.dkimagent.agent.store.Sql.truncate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code outbox} and {@code incident} tables. */
final class OutboxSql {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String PERMANENT = "permanent";

    private OutboxSql() {
    }

    static void enqueue(Connection c, List<OutboxEntry> entries) throws SQLException {
        String sql = "INSERT INTO outbox (identity_name, payload_format, payload_json, status, attempts, "
                + "next_attempt, created_at) VALUES (?, ?, ?, ?, 0, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (OutboxEntry entry : entries) {
                long at = entry.at().toEpochMilli();
                ps.setString(1, entry.identity());
                ps.setInt(2, entry.payload().format());
                ps.setString(3, entry.payload().json());
                ps.setString(4, PENDING);
                ps.setLong(5, at);
                ps.setLong(6, at);
                ps.executeUpdate();  // one by one: ids must follow list order
            }
        }
    }

    /** The oldest pending message of each identity, if due, oldest first. */
    static List<OutboxMessage> due(Connection c, Instant now, int limit) throws SQLException {
        return due(c, now, limit, null);
    }

    /**
     * As above; a message held under settings other than {@code settings} (a fingerprint; null =
     * none) is due at once, whatever its next attempt.
     */
    static List<OutboxMessage> due(Connection c, Instant now, int limit, String settings) throws SQLException {
        String heldElsewhere = settings == null ? "" : " OR (o.held_settings IS NOT NULL AND o.held_settings <> ?)";
        String sql = "SELECT o.id, o.identity_name, o.payload_format, o.payload_json, o.attempts, "
                + "o.uncertain_attempts, o.in_flight_at, o.first_sent_at FROM outbox o "
                + "WHERE o.status = ? AND (o.next_attempt <= ?" + heldElsewhere + ") AND o.id = (SELECT MIN(p.id) "
                + "FROM outbox p WHERE p.status = ? AND p.identity_name = o.identity_name) ORDER BY o.id";
        List<OutboxMessage> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, PENDING);
            ps.setLong(i++, now.toEpochMilli());
            if (settings != null) {
                ps.setString(i++, settings);
            }
            ps.setString(i, PENDING);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutboxMessage(rs.getLong(1), rs.getString(2),
                            new Document(rs.getInt(3), rs.getString(4)), rs.getInt(5), rs.getInt(6),
                            Sql.instant(rs, 7), Sql.instant(rs, 8)));
                }
            }
        }
        return out;
    }

    static long pendingCount(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE status = ?")) {
            ps.setString(1, PENDING);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<OutboxRow> all(Connection c) throws SQLException {
        String sql = "SELECT id, identity_name, status, attempts, next_attempt, message_ref, last_error "
                + "FROM outbox ORDER BY id";
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7)));
            }
        }
        return rows;
    }

    static int purgeDelivered(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM outbox WHERE status = ? AND delivered_at < ?")) {
            delete.setString(1, DELIVERED);
            delete.setLong(2, cutoff.toEpochMilli());
            return delete.executeUpdate();
        }
    }

    static void setFinal(Connection c, long id, String status, String messageRef, Instant deliveredAt, String error)
            throws SQLException {
        String sql = "UPDATE outbox SET status = ?, message_ref = ?, delivered_at = ?, last_error = ?, "
                + "in_flight_at = NULL, held_settings = NULL WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status);
            ps.setString(2, messageRef);
            setInstant(ps, 3, deliveredAt);
            ps.setString(4, truncate(error));
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    static void setAttempts(Connection c, long id, int attempts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = ? WHERE id = ?")) {
            ps.setInt(1, attempts);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    static void retry(Connection c, OutboxMessage message, Instant nextAttempt, String error) throws SQLException {
        String sql = "UPDATE outbox SET attempts = ?, next_attempt = ?, last_error = ?, in_flight_at = NULL, "
                + "held_settings = NULL WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, message.attempts() + 1);
            ps.setLong(2, nextAttempt.toEpochMilli());
            ps.setString(3, truncate(error));
            ps.setLong(4, message.id());
            ps.executeUpdate();
        }
    }

    // ---- incidents ----

    static Optional<Incident> incident(Connection c, String identity) throws SQLException {
        String sql = "SELECT thread_ref, opened_at FROM incident WHERE identity_name = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, identity);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Incident(identity, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                        : Optional.empty();
            }
        }
    }

    static void changeIncident(Connection c, String identity, String threadRef, Instant at,
                               Store.IncidentChange change) throws SQLException {
        if (change == Store.IncidentChange.NONE) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM incident WHERE identity_name = ?")) {
            ps.setString(1, identity);
            ps.executeUpdate();
        }
        if (change == Store.IncidentChange.OPEN) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO incident (identity_name, thread_ref, opened_at) VALUES (?, ?, ?)")) {
                ps.setString(1, identity);
                ps.setString(2, threadRef);
                ps.setLong(3, at.toEpochMilli());
                ps.executeUpdate();
            }
        }
    }
}
