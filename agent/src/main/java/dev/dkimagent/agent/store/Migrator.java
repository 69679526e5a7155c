package dev.dkimagent.agent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny versioned migrator: applies {@code db/migration/V<n>__*.sql} (listed in
 * {@code db/migration/index.txt}, since a shaded jar cannot be listed reliably) that are newer
 * than the highest version in {@code schema_version}, each in its own transaction.
 */
final class Migrator {

    static final String DIRECTORY = "db/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    record Migration(int version, String description, String resource) {
    }

    private Migrator() {
    }

    /** Migrates the schema; returns the versions applied now (empty when already current). */
    static List<Integer> migrate(Connection connection) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            ensureVersionTable(connection);
            int current = currentVersion(connection);
            List<Integer> applied = new ArrayList<>();
            for (Migration m : migrations()) {
                if (m.version() > current) {
                    apply(connection, m);
                    applied.add(m.version());
                }
            }
            return applied;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static List<Migration> migrations() throws IOException {
        List<Migration> out = new ArrayList<>();
        for (String line : resource(DIRECTORY + "index.txt").split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IOException("migration '" + name + "' is not named V<version>__<description>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (!out.isEmpty() && version <= out.get(out.size() - 1).version()) {
                throw new IOException("migration '" + name + "' is out of order in " + DIRECTORY + "index.txt");
            }
            out.add(new Migration(version, m.group(2), DIRECTORY + name));
        }
        return out;
    }

    private static void ensureVersionTable(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
        }
        connection.commit();
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void apply(Connection connection, Migration m) throws SQLException, IOException {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements(resource(m.resource()))) {
                st.execute(sql);
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("migration " + m.resource() + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** Splits a script on ';' at line ends; '--' comment lines are dropped. No ';' inside literals. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("migration resource " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
