package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.TestDatabase;
import dev.dkimagent.agent.testworld.PostgresCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAlertStateStoreTest extends AlertStateStoreTest {

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @Override
    TestDatabase freshDatabase() {
        return TestDatabase.postgres(POSTGRES.get());
    }
}
