package dev.dkimagent.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Table cluster_lease: a named lease, taken when free or expired, renewed by its holder. */
final class LeaseSql {
    /** SQLSTATE of a unique-key violation (H2 and PostgreSQL alike). */
    static final String DUPLICATE_KEY = "23505";

    private LeaseSql() {
    }

    /** Renews the lease for its holder, or takes it when it has expired; true when {@code holder} holds it now. */
    static boolean renewOrTakeExpired(Connection c, String name, String holder, Instant now, Instant until)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_lease SET holder = ?, expires_at = ? "
                + "WHERE lease_name = ? AND (holder = ? OR expires_at < ?)")) {
            ps.setString(1, holder);
            ps.setLong(2, until.toEpochMilli());
            ps.setString(3, name);
            ps.setString(4, holder);
            ps.setLong(5, now.toEpochMilli());
            return ps.executeUpdate() == 1;
        }
    }

    /** Creates the lease row for {@code holder}; fails with a duplicate key when it exists. */
    static void insert(Connection c, String name, String holder, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO cluster_lease (lease_name, holder, expires_at) VALUES (?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, holder);
            ps.setLong(3, until.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** Lets the lease go at once, if {@code holder} holds it. */
    static void release(Connection c, String name, String holder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE cluster_lease SET expires_at = 0 WHERE lease_name = ? AND holder = ?")) {
            ps.setString(1, name);
            ps.setString(2, holder);
            ps.executeUpdate();
        }
    }
}
