package dev.dkimagent.agent.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** Healing on an embedded H2 file: SHUTDOWN from a side connection closes the database for every session. */
class H2StoreHealingTest extends StoreHealingTest {

    @Override
    TestDatabase freshDatabase() {
        return TestDatabase.h2(dir);
    }

    @Override
    void closeTheDatabaseUnderTheStore() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }

    @Override
    String preventReopen() throws Exception {
        Files.move(dataFile(), hidden());
        return "is gone";
    }

    @Override
    void allowReopen() throws Exception {
        Files.move(hidden(), dataFile());
    }

    private Path dataFile() {
        return Path.of(db.where() + ".mv.db");
    }

    private Path hidden() {
        return Path.of(db.where() + ".hidden");
    }
}
