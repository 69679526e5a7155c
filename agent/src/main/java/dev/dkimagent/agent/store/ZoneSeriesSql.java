package dev.dkimagent.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.Set;

/** Table zone_series (portable SQL: an UPDATE, then an INSERT where nothing was updated). */
final class ZoneSeriesSql {

    private ZoneSeriesSql() {
    }

    /**
     * Stores the zone's document, judged at {@code at}: updated_at moves only when the document
     * changed. Returns false when the row does not exist yet (then {@link #insert}).
     */
    static boolean update(Connection c, String zone, Document series, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE zone_series SET format = ?, document = ?, "
                + "updated_at = ?, judged_at = ? WHERE zone_key = ? AND (format <> ? OR document <> ?)")) {
            ps.setInt(1, series.format());
            ps.setString(2, series.json());
            ps.setLong(3, at.toEpochMilli());
            ps.setLong(4, at.toEpochMilli());
            ps.setString(5, zone);
            ps.setInt(6, series.format());
            ps.setString(7, series.json());
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        return touch(c, List.of(zone), at) == 1;
    }

    static void insert(Connection c, String zone, Document series, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO zone_series (zone_key, format, document, "
                + "updated_at, judged_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, zone);
            ps.setInt(2, series.format());
            ps.setString(3, series.json());
            ps.setLong(4, at.toEpochMilli());
            ps.setLong(5, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** Marks these zones judged at {@code at} (a sweep covered them); returns how many rows exist. */
    static int touch(Connection c, Collection<String> zones, Instant at) throws SQLException {
        int touched = 0;
        try (PreparedStatement ps = c.prepareStatement("UPDATE zone_series SET judged_at = ? WHERE zone_key = ?")) {
            for (String zone : zones) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, zone);
                touched += ps.executeUpdate();
            }
        }
        return touched;
    }

    /** Rows fetched at a time: a publisher taking over reads every zone without holding them all. */
    static final int FETCH_SIZE = 200;

    /** Hands each row whose document changed after {@code since} to {@code each}, a few at a time. */
    static int changedAfter(Connection c, Instant since, Consumer<ZoneSeriesRow> each) throws SQLException {
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT zone_key, format, document, updated_at, judged_at "
                + "FROM zone_series WHERE updated_at > ?")) {
            ps.setFetchSize(FETCH_SIZE);
            ps.setLong(1, since.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(new ZoneSeriesRow(rs.getString(1), new Document(rs.getInt(2), rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))));
                    rows++;
                }
            }
        }
        return rows;
    }

    /** Every zone key with a row. */
    static Set<String> zones(Connection c) throws SQLException {
        Set<String> zones = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT zone_key FROM zone_series");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                zones.add(rs.getString(1));
            }
        }
        return zones;
    }

    /** Deletes the rows no sweep covered since {@code cutoff}; returns how many. */
    static int deleteJudgedBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM zone_series WHERE judged_at < ?")) {
            ps.setLong(1, cutoff.toEpochMilli());
            return ps.executeUpdate();
        }
    }
}
