package dev.dkimagent.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.AlertStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZonePipelineTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final String A = "a.test";
    private static final String B = "b.test";
    private static final String C = "c.test";

    @TempDir
    Path dir;

    @Test
    void sweep_oneZoneThrows_theOthersAreCommittedAndItsAlertsStayAsTheyWere() throws Exception {
        Set<String> failing = ConcurrentHashMap.newKeySet();
        ZoneProbing probing = (work, at) -> {
            if (failing.contains(work.apex())) {
                return CompletableFuture.failedFuture(new IllegalStateException("probe broke"));
            }
            return PipelineFixture.observed(work, at, false);
        };
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 2, List.of(A, B, C))) {
            assertThat(f.sweep.runOnce().failedZones()).isEmpty();
            Map<String, AlertState> bBefore = f.statesOf(B);
            assertThat(bBefore).isNotEmpty().allSatisfy((k, s) -> assertThat(s.status()).isEqualTo(AlertStatus.FIRING));

            failing.add(B);
            SweepReport report = f.sweep.runOnce();

            assertThat(report.failedZones()).containsExactly(B);
            assertThat(report.judged()).isTrue();
            assertThat(f.statesOf(B)).as("the failed zone's alerts are untouched").isEqualTo(bBefore);
            for (String committed : List.of(A, C)) {
                assertThat(f.statesOf(committed)).as(committed).isNotEmpty()
                        .allSatisfy((k, s) -> assertThat(s.hits()).isEqualTo(2));
            }
        }
    }

    @Test
    void sweep_oneZoneNeverAnswers_timesOutAndTheOthersAreCommitted() throws Exception {
        ZoneProbing probing = (work, at) -> work.apex().equals(B)
                ? new CompletableFuture<>()
                : PipelineFixture.observed(work, at, false);
        try (PipelineFixture f = new PipelineFixture(dir, probing, Duration.ofMillis(200), 3, List.of(A, B, C))) {
            SweepReport report = f.sweep.runOnce();

            assertThat(report.failedZones()).containsExactly(B);
            assertThat(f.statesOf(A)).isNotEmpty();
            assertThat(f.statesOf(C)).isNotEmpty();
            assertThat(f.statesOf(B)).isEmpty();
        }
    }

    @Test
    void recheck_sameZoneWhileARunHoldsIt_waitsForThatRunToEnd() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger probes = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        ZoneProbing probing = (work, at) -> {
            int now = inside.incrementAndGet();
            mostInside.accumulateAndGet(now, Math::max);
            try {
                if (probes.incrementAndGet() == 2) {  // the sweep's run is the first
                    firstInside.countDown();
                    TestThreads.reach(releaseFirst, GENEROUS);
                }
                return PipelineFixture.observed(work, at, true);
            } finally {
                inside.decrementAndGet();
            }
        };
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 1, List.of(A))) {
            f.sweep.runOnce();  // locates the zones: probe 1
            Thread first = TestThreads.start(() -> f.pipeline.recheck(A));
            TestThreads.reach(firstInside, GENEROUS);
            Thread second = TestThreads.start(() -> f.pipeline.recheck(A));
            await().atMost(GENEROUS).until(() -> second.getState() == Thread.State.WAITING);

            assertThat(probes).as("the second recheck waits on the zone's lock, not in a probe").hasValue(2);
            releaseFirst.countDown();
            first.join(GENEROUS.toMillis());
            second.join(GENEROUS.toMillis());

            assertThat(probes).hasValue(3);
            assertThat(mostInside).as("never two runs of one zone at once").hasValue(1);
        }
    }

    @Test
    void recheck_differentZones_runAtTheSameTime() throws Exception {
        CyclicBarrier bothProbing = new CyclicBarrier(2);
        AtomicInteger rechecks = new AtomicInteger();
        ZoneProbing probing = (work, at) -> {
            if (rechecks.get() > 0) {
                // each waits for the other: only runs that overlap get past this
                try {
                    bothProbing.await(GENEROUS.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            return PipelineFixture.observed(work, at, true);
        };
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 1, List.of(A, B))) {
            f.sweep.runOnce();
            rechecks.incrementAndGet();
            ZoneOutcome[] outcomes = new ZoneOutcome[2];
            Thread a = TestThreads.start(() -> outcomes[0] = f.pipeline.recheck(A));
            Thread b = TestThreads.start(() -> outcomes[1] = f.pipeline.recheck(B));
            a.join(GENEROUS.toMillis());
            b.join(GENEROUS.toMillis());

            assertThat(outcomes).containsExactly(ZoneOutcome.JUDGED, ZoneOutcome.JUDGED);
        }
    }

    @Test
    void sweep_zonesInFlight_boundsHowManyZonesRunAtOnce() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        CyclicBarrier twoAtOnce = new CyclicBarrier(2);
        ZoneProbing probing = (work, at) -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                twoAtOnce.await(GENEROUS.toMillis(), TimeUnit.MILLISECONDS);  // pairs of zones overlap
                return PipelineFixture.observed(work, at, true);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            } finally {
                inside.decrementAndGet();
            }
        };
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 2,
                List.of("a.test", "b.test", "c.test", "d.test"))) {
            SweepReport report = f.sweep.runOnce();

            assertThat(report.failedZones()).isEmpty();
            assertThat(mostInside).hasValue(2);
            assertThat(f.pipeline.zonesInFlight()).as("no lock outlives its run").isZero();
        }
    }

    @Test
    void sweep_interrupted_keepsTheZonesAlreadyCommitted_andTheRestCommitNothing() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        ZoneProbing probing = (work, at) -> {
            if (work.apex().equals(B)) {
                try {
                    never.await();  // a zone still probing when the agent stops
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return CompletableFuture.failedFuture(e);
                }
            }
            return PipelineFixture.observed(work, at, false);
        };
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 2, List.of(A, B))) {
            AtomicInteger interrupted = new AtomicInteger();
            Thread sweep = new Thread(() -> {
                try {
                    f.sweep.runOnce();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                }
            });
            sweep.start();
            await().atMost(GENEROUS).until(() -> !f.statesOf(A).isEmpty());

            sweep.interrupt();
            sweep.join(GENEROUS.toMillis());

            assertThat(interrupted).hasValue(1);
            assertThat(f.statesOf(A)).as("committed before the stop").isNotEmpty();
            assertThat(f.statesOf(B)).isEmpty();
            assertThat(f.pipeline.zonesInFlight()).isZero();
        }
    }

    @Test
    void recheck_zoneNotInTheInventory_doesNothing() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        ZoneProbing probing = (work, at) -> {
            probes.incrementAndGet();
            return PipelineFixture.observed(work, at, true);
        };
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 1, List.of(A))) {
            assertThat(f.pipeline.recheck(A)).as("before any sweep located the zones").isEqualTo(ZoneOutcome.UNKNOWN);
            f.sweep.runOnce();

            assertThat(f.pipeline.recheck("other.test")).isEqualTo(ZoneOutcome.UNKNOWN);
            assertThat(f.pipeline.recheck("A.TEST.")).isEqualTo(ZoneOutcome.JUDGED);
            assertThat(f.pipeline.watches(A)).isTrue();
            assertThat(probes).hasValue(2);
        }
    }

    @Test
    void recheck_commitsAndPublishesOnlyItsZone() throws Exception {
        Set<String> broken = ConcurrentHashMap.newKeySet();
        ZoneProbing probing = (work, at) -> PipelineFixture.observed(work, at, !broken.contains(work.apex()));
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 2, List.of(A, B))) {
            f.sweep.runOnce();
            broken.add(A);
            broken.add(B);

            f.pipeline.recheck(A);

            assertThat(f.statesOf(A)).isNotEmpty();
            assertThat(f.statesOf(B)).as("B was not rechecked").isEmpty();
            assertThat(recordOk(f, A)).isEqualTo("0.0");
            assertThat(recordOk(f, B)).isEqualTo("1.0");
        }
    }

    @Test
    void sweep_zoneLeavesTheInventory_itsSeriesAreRemovedAndTheOthersStay() throws Exception {
        ZoneProbing probing = (work, at) -> PipelineFixture.observed(work, at, true);
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 2, List.of(A, B))) {
            f.sweep.runOnce();
            assertThat(f.metricsText()).contains("zone=\"" + A + "\"").contains("zone=\"" + B + "\"");

            f.drop(B);
            f.sweep.runOnce();

            assertThat(f.metricsText()).contains("zone=\"" + A + "\"").doesNotContain(B);
            assertThat(f.pipeline.watches(B)).isFalse();
        }
    }

    private static String recordOk(PipelineFixture f, String zone) {
        return f.metricsText().lines()
                .filter(l -> l.startsWith("dkim_record_ok{") && l.contains("identity=\"" + zone + "\""))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .findFirst().orElseThrow();
    }
}
