package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.TestDatabase;

/** The d74c9ab H2 file itself, upgraded in place. */
class H2StateUpgradeTest extends StateUpgradeTest {

    @Override
    TestDatabase legacyDatabase() throws Exception {
        return LegacyDatabases.h2(dir);
    }
}
