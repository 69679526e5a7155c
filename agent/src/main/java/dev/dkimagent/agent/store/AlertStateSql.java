package dev.dkimagent.agent.store;

import static dev.dkimagent.agent.store.Sql.instant;
import static dev.dkimagent.agent.store.Sql.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code alert_state} table. */
final class AlertStateSql {

    /** Keeps each IN list far below PostgreSQL's 32767 bind parameters. */
    private static final int GROUPS_PER_QUERY = 500;
    private static final String COLUMNS = "alert_key, identity_name, status, hits, clean_sweeps, first_seen, "
            + "last_notified, line_format, line_json";

    private AlertStateSql() {
    }

    static Map<String, AlertStateRow> all(Connection c) throws SQLException {
        Map<String, AlertStateRow> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_state")) {
            readInto(ps, out);
        }
        return out;
    }

    static Map<String, AlertStateRow> ofGroups(Connection c, Collection<String> groups) throws SQLException {
        Map<String, AlertStateRow> out = new TreeMap<>();
        List<String> distinct = groups.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += GROUPS_PER_QUERY) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + GROUPS_PER_QUERY));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM alert_state WHERE identity_name IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                readInto(ps, out);
            }
        }
        return out;
    }

    /** Replaces or inserts each row: an UPDATE, then an INSERT where nothing was updated (portable, no MERGE). */
    static void upsert(Connection c, List<AlertStateRow> rows) throws SQLException {
        List<AlertStateRow> fresh = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE alert_state SET identity_name = ?, status = ?, "
                + "hits = ?, clean_sweeps = ?, first_seen = ?, last_notified = ?, line_format = ?, line_json = ? "
                + "WHERE alert_key = ?")) {
            for (AlertStateRow row : rows) {
                bindValues(ps, row, 1);
                ps.setString(9, row.key());
                if (ps.executeUpdate() == 0) {
                    fresh.add(row);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_state (identity_name, status, hits, "
                + "clean_sweeps, first_seen, last_notified, line_format, line_json, alert_key) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AlertStateRow row : fresh) {
                bindValues(ps, row, 1);
                ps.setString(9, row.key());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void delete(Connection c, Collection<String> keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_state WHERE alert_key = ?")) {
            for (String key : keys) {
                ps.setString(1, key);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bindValues(PreparedStatement ps, AlertStateRow row, int first) throws SQLException {
        ps.setString(first, row.group());
        ps.setString(first + 1, row.status());
        ps.setInt(first + 2, row.hits());
        ps.setInt(first + 3, row.cleanSweeps());
        ps.setLong(first + 4, row.firstSeen().toEpochMilli());
        setInstant(ps, first + 5, row.lastNotified());
        ps.setInt(first + 6, row.line().format());
        ps.setString(first + 7, row.line().json());
    }

    private static void readInto(PreparedStatement ps, Map<String, AlertStateRow> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                AlertStateRow row = new AlertStateRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), Instant.ofEpochMilli(rs.getLong(6)), instant(rs, 7),
                        new Document(rs.getInt(8), rs.getString(9)));
                out.put(row.key(), row);
            }
        }
    }
}
