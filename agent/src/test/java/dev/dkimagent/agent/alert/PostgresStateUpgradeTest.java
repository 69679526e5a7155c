package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.TestDatabase;
import dev.dkimagent.agent.testworld.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A PostgreSQL database with d74c9ab's schema and the fixture's rows, upgraded in place. */
class PostgresStateUpgradeTest extends StateUpgradeTest {

    static Postgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = Postgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    TestDatabase legacyDatabase() throws Exception {
        return LegacyDatabases.postgres(postgres, dir);
    }
}
