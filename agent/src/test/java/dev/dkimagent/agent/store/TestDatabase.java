package dev.dkimagent.agent.store;

import dev.dkimagent.agent.testworld.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

    /** The newest schema version this agent migrates to. */
    public static final String LATEST = "9";
    /** Migrations every database gets (db/migration/common). */
    private static final List<String> COMMON = List.of("1", "2", "3", "4", "6", "7", "8", "9");
    /** PostgreSQL's own (db/migration/postgresql): V5, Quartz's tables and the cluster's. */
    private static final List<String> POSTGRESQL_ONLY = List.of("5");

    /** The versions Flyway applies to a fresh database of this kind, in order. */
    public List<String> migrations() {
        List<String> all = new ArrayList<>(COMMON);
        if (url.startsWith("jdbc:postgresql:")) {
            all.addAll(POSTGRESQL_ONLY);
        }
        return all.stream().sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
    }

    public Store open() throws StoreException {
        return Store.open(url, user, password);
    }

    /** A plain connection beside the store, to look at or change rows behind its back. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
