package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claims on H2: one embedded store (H2 holds its file for one process), three dispatchers
 * with their own node ids on it. Cluster mode itself needs PostgreSQL; this keeps the claim SQL
 * portable.
 */
class H2ClusterOutboxTest extends ClusterOutboxTest {

    @TempDir
    Path dir;

    private Store store;

    @Override
    Store node(int n) throws Exception {
        if (store == null) {
            store = Store.open(AlertFixtures.url(dir), "sa", "");
            closing.add(0, store);
        }
        return store;
    }
}
