package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.store.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

/** The shared SES view on H2: two stores on one named in-memory database, open at the same time. */
class H2SharedSesViewTest extends SharedSesViewTest {

    @Override
    TestDatabase freshDatabase() {
        String url = "jdbc:h2:mem:sesview-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase(url, "sa", "", url);
    }

    @Override
    boolean storesOpenTogether() {
        return true;
    }

    @Override
    void dropDatabase() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }
}
