package dev.dkimagent.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkimagent.agent.testworld.PostgresCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cluster mode's store on a real PostgreSQL: cluster agents share the state (the advisory lock
 * taken shared), a single-mode agent and a cluster refuse each other with a message naming the
 * other mode, and nodes started at the same moment migrate the schema once.
 */
class ClusterStoreTest {

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    private TestDatabase db;

    @BeforeEach
    void database() {
        db = TestDatabase.postgres(POSTGRES.get());
    }

    private Store openCluster() throws StoreException {
        return Store.open(db.url(), db.user(), db.password(), StoreOptions.defaults().clustered(2));
    }

    @Test
    void clusterAgents_shareTheState_andASingleModeAgentIsRefused_namingClusterMode() throws Exception {
        try (Store first = openCluster(); Store second = openCluster()) {
            assertThat(first.reachable()).isTrue();
            assertThat(second.reachable()).isTrue();
            assertThat(lockModes()).containsExactly("ShareLock", "ShareLock");

            assertThatThrownBy(db::open)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("in cluster mode (cluster.enabled = true) share the state at " + db.url())
                    .hasMessageContaining("this agent runs in single mode");
        }
        assertThat(lockModes()).isEmpty();
    }

    @Test
    void aSingleModeAgent_keepsClusterAgentsOut_namingSingleMode() throws Exception {
        try (Store single = db.open()) {
            assertThat(lockModes()).containsExactly("ExclusiveLock");

            assertThatThrownBy(this::openCluster)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("a dkim-agent in single mode (cluster.enabled = false) holds the state at "
                            + db.url())
                    .hasMessageContaining("this agent runs in cluster mode");
        }
        try (Store cluster = openCluster()) {
            assertThat(cluster.reachable()).isTrue();
        }
    }

    @Test
    void twoSingleModeAgents_stillRefuseEachOther() throws Exception {
        try (Store single = db.open()) {
            assertThatThrownBy(db::open)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another dkim-agent holds the state at " + db.url());
        }
    }

    /**
     * Nodes that start together on a fresh database migrate it once, and none of them fails. The
     * race is narrow (one node creates Flyway's history table while another decides whether to
     * baseline), so each round is a new database: CI once lost a node to it.
     */
    @Test
    void nodesStartedTogether_onAFreshDatabase_migrateItOnce() throws Exception {
        for (int round = 0; round < 12; round++) {
            db = TestDatabase.postgres(POSTGRES.get());
            startTogether(4, round);
        }
    }

    private void startTogether(int nodes, int round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Store>> opening = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            opening.add(pool.submit(() -> {
                go.await();
                return openCluster();
            }));
        }
        go.countDown();
        List<Store> stores = new ArrayList<>();
        try {
            for (Future<Store> f : opening) {
                stores.add(f.get(60, TimeUnit.SECONDS));
            }
            for (Store s : stores) {
                assertThat(s.schemaVersion()).as("round %d", round).isEqualTo(TestDatabase.LATEST);
            }
            assertThat(historyVersions()).as("round %d", round).containsExactlyElementsOf(db.migrations());
        } finally {
            stores.forEach(Store::close);
            pool.shutdownNow();
        }
    }

    @Test
    void aNodeWaitsForItsTurnToMigrate_whileAnotherHoldsTheMigrationKey() throws Exception {
        assertThat(PostgresLock.MIGRATION_KEY >>> 32).as("docs/configuration.md").isEqualTo(1684760941L);
        assertThat(PostgresLock.MIGRATION_KEY & 0xffff_ffffL).as("docs/configuration.md").isEqualTo(1835624306L);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection migrating = db.connect()) {
            migrating.setAutoCommit(true);
            advisory(migrating, "SELECT pg_advisory_lock(?)");
            Future<Store> waiting = pool.submit(this::openCluster);
            Thread.sleep(1_500);
            assertThat(waiting).as("opens only after the holder's turn").isNotDone();

            advisory(migrating, "SELECT pg_advisory_unlock(?)");
            try (Store store = waiting.get(60, TimeUnit.SECONDS)) {
                assertThat(store.schemaVersion()).isEqualTo(TestDatabase.LATEST);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void advisory(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, PostgresLock.MIGRATION_KEY);
            ps.execute();
        }
    }

    @Test
    void clusterTables_areCreatedByTheMigration() throws Exception {
        try (Store store = openCluster(); Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = current_schema() AND (table_name LIKE 'qrtz%' OR table_name LIKE"
                     + " 'cluster%') ORDER BY table_name");
             ResultSet rs = ps.executeQuery()) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            assertThat(tables).containsExactly("cluster_lease", "cluster_node", "cluster_shard", "qrtz_blob_triggers",
                    "qrtz_calendars", "qrtz_cron_triggers", "qrtz_fired_triggers", "qrtz_job_details", "qrtz_locks",
                    "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_simple_triggers",
                    "qrtz_simprop_triggers", "qrtz_triggers");
        }
    }

    /** The modes in which the single-writer key is held now, sorted. */
    private List<String> lockModes() throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT mode FROM pg_locks WHERE locktype = 'advisory' AND"
                     + " classid::bigint = ? AND objid::bigint = ? AND objsubid = 1 AND granted ORDER BY mode")) {
            ps.setLong(1, PostgresLock.KEY >>> 32);
            ps.setLong(2, PostgresLock.KEY & 0xffff_ffffL);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> modes = new ArrayList<>();
                while (rs.next()) {
                    modes.add(rs.getString(1));
                }
                return modes;
            }
        }
    }

    private List<String> historyVersions() throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT \"version\" FROM \"flyway_schema_history\""
                     + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
             ResultSet rs = ps.executeQuery()) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            return versions;
        }
    }
}
