package dev.dkimagent.agent.cluster;

import dev.dkimagent.agent.schedule.AgentScheduler;
import dev.dkimagent.agent.schedule.ClusteredStore;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.StoreException;
import dev.dkimagent.agent.store.StoreOptions;
import dev.dkimagent.agent.testworld.Postgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quartz.Job;
import org.quartz.SchedulerException;

/** Cluster nodes in one JVM for tests: each its own store (as a process would have) on one database. */
final class ClusterNodes implements AutoCloseable {
    static final Duration CHECK_IN = Duration.ofSeconds(1);
    private final String url;
    private final List<AutoCloseable> open = new ArrayList<>();

    ClusterNodes(String url) {
        this.url = url;
    }

    Store store() throws StoreException {
        Store store = Store.open(url, Postgres.USER, "", StoreOptions.defaults().clustered(12));
        open.add(store);
        return store;
    }

    /** A clustered scheduler for node {@code nodeId} on a store of its own. */
    AgentScheduler scheduler(String nodeId, Map<Class<? extends Job>, Job> jobs)
            throws StoreException, SchedulerException {
        Store store = store();
        AgentScheduler scheduler = AgentScheduler.clustered(jobs, new ClusteredStore(nodeId,
                new StoreConnections(store::dataSource).register(), CHECK_IN, Duration.ofSeconds(5)));
        open.add(scheduler);
        return scheduler;
    }

    /** Closes schedulers before their stores (newest first). */
    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}
