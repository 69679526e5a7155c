package dev.dkimagent.agent.pipeline;

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

    /** The store takes PostgreSQL's single-writer lock until cluster mode opens it without. */
    @Override
    boolean storesOpenTogether() {
        return false;
    }
}
