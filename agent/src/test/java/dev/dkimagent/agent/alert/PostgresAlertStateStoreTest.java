package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.TestDatabase;
import dev.dkimagent.agent.testworld.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresAlertStateStoreTest extends AlertStateStoreTest {

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
    TestDatabase freshDatabase() {
        return TestDatabase.postgres(postgres);
    }
}
