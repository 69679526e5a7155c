package dev.dkimagent.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The store on an embedded H2 file, plus what only H2 does (its directory, its tcp: URLs). */
class H2StoreTest extends StoreTest {

    @Override
    TestDatabase freshDatabase() {
        return TestDatabase.h2(dir);
    }

    @Test
    void open_freshDatabase_createsTheDirectoryAndFile() throws Exception {
        try (Store store = open()) {
            assertThat(store.reachable()).isTrue();
        }
        assertThat(dir.resolve("state/dkim-agent.mv.db")).exists();
    }

    @Test
    void open_namedInMemoryDatabase_isSharedByThePool_andUnnamedIsRefused() throws Exception {
        try (Store store = Store.open("jdbc:h2:mem:h2storetest", "sa", "")) {
            store.commit(Rows.upsert(Rows.state("k1", "a.example")));
            assertThat(store.alertStates()).containsOnlyKeys("k1");
        }
        assertThatThrownBy(() -> Store.open("jdbc:h2:mem:", "sa", ""))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is a private in-memory database")
                .hasMessageContaining("name it (jdbc:h2:mem:dkim-agent)");
    }

    @Test
    void open_unreachableServer_saysWhereAndWhatToCheck() {
        assertThatThrownBy(() -> Store.open("jdbc:h2:tcp://127.0.0.1:1/nothing;PASSWORD=secret", "sa", "x"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the state database at jdbc:h2:tcp://127.0.0.1:1/nothing")
                .hasMessageContaining("check state.url")
                .message().doesNotContain("secret");
    }
}
