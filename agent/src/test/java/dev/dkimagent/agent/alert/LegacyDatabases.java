package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.TestDatabase;
import dev.dkimagent.agent.testworld.Postgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** State databases as the agent of d74c9ab left them, from {@code upgrade/state-d74c9ab.mv.db}. */
final class LegacyDatabases {

    private LegacyDatabases() {
    }

    /** A copy of the H2 fixture where {@link TestDatabase#h2} expects its file. */
    static TestDatabase h2(Path dir) throws IOException {
        TestDatabase db = TestDatabase.h2(dir);
        Path file = Path.of(db.where() + ".mv.db");
        Files.createDirectories(file.getParent());
        try (InputStream in = resource(LegacyFixture.RESOURCE)) {
            Files.copy(in, file);
        }
        return db;
    }

    /**
     * A fresh PostgreSQL database with d74c9ab's schema (its DDL and version table), holding every
     * row of the H2 fixture; outbox rows inserted in id order without ids, as that agent did, so
     * the identity sequence stands where it would.
     */
    static TestDatabase postgres(Postgres postgres, Path dir) throws IOException, SQLException {
        TestDatabase db = TestDatabase.postgres(postgres);
        TestDatabase source = h2(dir.resolve("legacy-source"));
        try (Connection from = source.connect(); Connection to = db.connect()) {
            runScript(to, new String(resource(LegacyFixture.SCHEMA).readAllBytes(), StandardCharsets.UTF_8));
            copy(from, to, "alert_state", "alert_key");
            copy(from, to, "ses_memory", "memory_key");
            copy(from, to, "outbox", "id");
            copy(from, to, "incident", "identity_name");
        }
        return db;
    }

    private static void copy(Connection from, Connection to, String table, String orderBy) throws SQLException {
        try (Statement st = from.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Integer> columns = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (!(table.equals("outbox") && meta.getColumnName(i).equalsIgnoreCase("id"))) {
                    columns.add(i);
                    names.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
            try (PreparedStatement insert = to.prepareStatement(sql)) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        insert.setObject(i + 1, rs.getObject(columns.get(i)));
                    }
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void runScript(Connection c, String script) throws SQLException {
        StringBuilder statement = new StringBuilder();
        try (Statement st = c.createStatement()) {
            for (String line : script.split("\\R")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                statement.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    st.execute(statement.toString().strip().replaceAll(";$", ""));
                    statement.setLength(0);
                }
            }
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = LegacyDatabases.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the test classpath");
        }
        return in;
    }
}
