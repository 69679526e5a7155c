package dev.dkimagent.agent.store;

import static dev.dkimagent.agent.store.Sql.instant;
import static dev.dkimagent.agent.store.Sql.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code ses_memory} table. */
final class SesMemorySql {

    private SesMemorySql() {
    }

    static Map<String, SesMemoryRow> all(Connection c) throws SQLException {
        Map<String, SesMemoryRow> out = new TreeMap<>();
        String sql = "SELECT memory_key, last_status, last_success, tokens_json FROM ses_memory";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString(1);
                out.put(key, new SesMemoryRow(key, rs.getString(2), instant(rs, 3), TokenList.read(rs.getString(4))));
            }
        }
        return out;
    }

    static void upsert(Connection c, List<SesMemoryRow> rows) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM ses_memory WHERE memory_key = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO ses_memory "
                     + "(memory_key, last_status, last_success, tokens_json) VALUES (?, ?, ?, ?)")) {
            for (SesMemoryRow row : rows) {
                delete.setString(1, row.key());
                delete.addBatch();
                insert.setString(1, row.key());
                insert.setString(2, row.lastStatus());
                setInstant(insert, 3, row.lastSuccess());
                insert.setString(4, TokenList.write(row.tokens()));
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }
}
