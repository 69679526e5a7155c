package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.store.SharedStore;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.TestDatabase;
import dev.dkimagent.agent.testworld.PostgresCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared SES view on a real PostgreSQL (one throwaway cluster per class, one database per test). */
class PostgresSharedSesViewTest extends SharedSesViewTest {

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @Override
    TestDatabase freshDatabase() {
        return TestDatabase.postgres(POSTGRES.get());
    }

    @Override
    boolean storesOpenTogether() {
        return true;
    }

    /** As cluster mode opens it: the shared lock, so two nodes hold the state at once. */
    @Override
    Store openNode() throws Exception {
        return SharedStore.open(db);
    }
}
