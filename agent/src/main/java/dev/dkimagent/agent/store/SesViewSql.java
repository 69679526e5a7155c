package dev.dkimagent.agent.store;

import static dev.dkimagent.agent.store.Sql.instant;
import static dev.dkimagent.agent.store.Sql.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code ses_view} table: one row (id 1), created by migration V7 with scan 0 and no document.
 * Storing a scan updates that row, so two writers queue on its row lock and each gets its own number.
 */
final class SesViewSql {

    private static final int ROW = 1;

    private SesViewSql() {
    }

    /** The last stored scan's number, 0 before the first: one small column of one row. */
    static long sequence(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT scan_seq FROM ses_view WHERE id = ?")) {
            ps.setInt(1, ROW);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw missingRow();
                }
                return rs.getLong(1);
            }
        }
    }

    /** The last stored scan, or empty before the first. */
    static Optional<SesViewRow> read(Connection c) throws SQLException {
        String sql = "SELECT scan_seq, scanned_at, view_format, view_json FROM ses_view WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, ROW);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw missingRow();
                }
                long sequence = rs.getLong(1);
                if (sequence == 0) {
                    return Optional.empty();
                }
                Instant scannedAt = instant(rs, 2);
                Number format = (Number) rs.getObject(3);
                String json = rs.getString(4);
                if (scannedAt == null || format == null || format.intValue() <= 0 || json == null) {
                    throw new IllegalStateException("ses_view row (scan " + sequence + ") lacks its scan time, "
                            + "a valid format version or its document: it was changed outside the agent");
                }
                return Optional.of(new SesViewRow(sequence, scannedAt, new Document(format.intValue(), json)));
            }
        }
    }

    /** Replaces the stored view; returns the number this scan got. */
    static long write(Connection c, Instant scannedAt, Document view) throws SQLException {
        String sql = "UPDATE ses_view SET scan_seq = scan_seq + 1, scanned_at = ?, view_format = ?, view_json = ? "
                + "WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            setInstant(ps, 1, scannedAt);
            ps.setInt(2, view.format());
            ps.setString(3, view.json());
            ps.setInt(4, ROW);
            if (ps.executeUpdate() != 1) {
                throw missingRow();
            }
        }
        return sequence(c);
    }

    private static IllegalStateException missingRow() {
        return new IllegalStateException("ses_view has no row " + ROW + " (migration V7 creates it): it was deleted "
                + "outside the agent; restore it with INSERT INTO ses_view (id, scan_seq) VALUES (1, 0)");
    }
}
