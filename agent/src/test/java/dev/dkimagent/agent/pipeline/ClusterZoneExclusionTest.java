package dev.dkimagent.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.cluster.ClusterZoneLocks;
import dev.dkimagent.agent.probe.ZoneWork;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.StoreException;
import dev.dkimagent.agent.store.StoreOptions;
import dev.dkimagent.agent.testworld.Postgres;
import dev.dkimagent.agent.testworld.PostgresCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two cluster nodes (each its own store, zone locks and pipeline) on one real PostgreSQL: a run of
 * a zone on one node (a NOTIFY recheck) and a run of the same zone on the other (its shard) never
 * interleave, so the second starts from what the first committed and a breakage is announced once.
 * Without the cluster-wide lock both would start from "nothing tracked" and both enqueue a firing
 * message.
 */
class ClusterZoneExclusionTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final String ZONE = "shared.test";

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostInside = new AtomicInteger();

    @Test
    void sameZoneOnTwoNodes_runsOneAfterTheOther_andTheFiringIsAnnouncedOnce() throws Exception {
        String url = POSTGRES.get().newDatabase();
        CountDownLatch aInside = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        AtomicInteger probesB = new AtomicInteger();
        ZoneProbing probingA = (work, at) -> probe(work, at, () -> {
            aInside.countDown();
            TestThreads.reach(releaseA, GENEROUS);
        });
        ZoneProbing probingB = (work, at) -> probe(work, at, probesB::incrementAndGet);
        Store storeA = open(url);
        Store storeB = open(url);
        try (ClusterZoneLocks locksA = new ClusterZoneLocks(storeA::dataSource);
             ClusterZoneLocks locksB = new ClusterZoneLocks(storeB::dataSource);
             PipelineFixture a = new PipelineFixture(storeA, locksA, probingA, GENEROUS, 1, List.of(ZONE));
             PipelineFixture b = new PipelineFixture(storeB, locksB, probingB, GENEROUS, 1, List.of(ZONE))) {
            ZoneWork work = new ZoneWork(ZONE, List.of(PipelineFixture.identity(ZONE)), null);

            Thread onA = TestThreads.start(() -> a.pipeline.run(work));
            TestThreads.reach(aInside, GENEROUS);
            Thread onB = TestThreads.start(() -> b.pipeline.run(work));
            await().atMost(GENEROUS).until(() -> onB.getState() == Thread.State.TIMED_WAITING);
            assertThat(probesB).as("node B waits for the zone, not in a probe").hasValue(0);

            releaseA.countDown();
            onA.join(GENEROUS.toMillis());
            onB.join(GENEROUS.toMillis());

            assertThat(probesB).hasValue(1);
            assertThat(mostInside).as("never two runs of the zone at once, across nodes").hasValue(1);
            assertThat(a.statesOf(ZONE)).isNotEmpty();
            assertThat(storeA.outbox()).as("the firing is announced once").hasSize(1);
        }
    }

    /** A broken zone (the record missing), with {@code during} run while inside the probe. */
    private java.util.concurrent.CompletableFuture<dev.dkimagent.rules.model.Snapshot> probe(ZoneWork work,
            java.time.Instant at, Runnable during) {
        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
            during.run();
            return PipelineFixture.observed(work, at, false);
        } finally {
            inside.decrementAndGet();
        }
    }

    private static Store open(String url) throws StoreException {
        return Store.open(url, Postgres.USER, "", StoreOptions.defaults().clustered(2));
    }
}
