package dev.dkimagent.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Proves the store can write: rewrites the one row of {@code store_probe} and commits. On H2 with
 * {@code WRITE_DELAY=0} (see {@link H2Files#connectUrl}) the commit reaches the file before it
 * returns, so a full disk or a read-only filesystem fails here, not in a later, real write.
 */
final class Probe {

    private Probe() {
    }

    static void write(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE store_probe SET probed_at = ? WHERE id = 1")) {
            ps.setLong(1, now.toEpochMilli());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the store_probe row is missing");
            }
        }
    }
}
