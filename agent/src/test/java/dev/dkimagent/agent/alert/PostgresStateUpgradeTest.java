package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.TestDatabase;
import dev.dkimagent.agent.testworld.PostgresCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A PostgreSQL database with d74c9ab's schema and the fixture's rows, upgraded in place. */
class PostgresStateUpgradeTest extends StateUpgradeTest {

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @Override
    TestDatabase legacyDatabase() throws Exception {
        return LegacyDatabases.postgres(POSTGRES.get(), dir);
    }
}
