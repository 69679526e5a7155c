package dev.dkimagent.agent.store;

import dev.dkimagent.agent.testworld.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where a test's state lives, and what the store's messages should call it.
 *
 * @param where the database as messages name it (the H2 file path, or the URL)
 */
public record TestDatabase(String url, String user, String password, String where) {

    /** A fresh embedded H2 file under {@code dir}. */
    public static TestDatabase h2(Path dir) {
        Path file = dir.resolve("state").resolve("dkim-agent");
        return new TestDatabase("jdbc:h2:file:" + file, "sa", "", file.toString());
    }

    /** A fresh, empty database on a running PostgreSQL. */
    public static TestDatabase postgres(Postgres postgres) {
        String url = postgres.newDatabase();
        return new TestDatabase(url, Postgres.USER, "", url);
    }

    /**
     * The migrations the agent applies here, in order: the common ones (V1..V4), and on
     * PostgreSQL its own too (V5, the cluster's tables).
     */
    public java.util.List<String> migrations() {
        return url.startsWith("jdbc:postgresql:") ? java.util.List.of("1", "2", "3", "4", "5")
                : java.util.List.of("1", "2", "3", "4");
    }

    /** The schema version a migrated database is at. */
    public String latestVersion() {
        java.util.List<String> all = migrations();
        return all.get(all.size() - 1);
    }

    public Store open() throws StoreException {
        return Store.open(url, user, password);
    }

    /** A plain connection beside the store, to look at or change rows behind its back. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
