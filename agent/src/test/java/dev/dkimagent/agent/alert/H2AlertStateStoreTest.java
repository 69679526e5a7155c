package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.TestDatabase;

class H2AlertStateStoreTest extends AlertStateStoreTest {

    @Override
    TestDatabase freshDatabase() {
        return TestDatabase.h2(dir);
    }
}
