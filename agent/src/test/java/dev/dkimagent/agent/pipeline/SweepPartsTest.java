package dev.dkimagent.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep run in parts (cluster shards): each part judges and commits its own zones only. */
class SweepPartsTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final String A = "a.test";
    private static final String B = "b.test";
    private static final String C = "c.test";

    @TempDir
    Path dir;

    @Test
    void runPart_judgesAndCommitsOnlyTheZonesItOwns() throws Exception {
        Set<String> probed = ConcurrentHashMap.newKeySet();
        ZoneProbing probing = (work, at) -> {
            probed.add(work.apex());
            return PipelineFixture.observed(work, at, false);
        };
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 2, List.of(A, B, C))) {
            SweepReport report = f.sweep.runPart(zone -> zone.equals(A) || zone.equals(C));

            assertThat(report.whole()).isFalse();
            assertThat(report.judged()).isTrue();
            assertThat(report.zones()).containsExactlyInAnyOrder(A, C);
            assertThat(probed).containsExactlyInAnyOrder(A, C);
            assertThat(f.statesOf(A)).isNotEmpty();
            assertThat(f.statesOf(B)).as("B belongs to another part").isEmpty();
            assertThat(f.statesOf(C)).isNotEmpty();
            assertThat(f.pipeline.watches(B)).as("every zone is located, so any node can recheck any zone").isTrue();
        }
    }

    @Test
    void runPart_theSesWideFindings_belongToThePartThatOwnsTheirScope() throws Exception {
        ZoneProbing probing = (work, at) -> PipelineFixture.observed(work, at, true);
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 2, List.of(A))) {
            assertThat(f.sweep.runPart(zone -> zone.equals(A)).zones()).containsExactly(A);
            assertThat(f.sweep.runPart(zone -> zone.equals(ZoneJudge.SES_SCOPE)).zones())
                    .containsExactly(ZoneJudge.SES_SCOPE);
        }
    }

    @Test
    void runPart_keepsTheSeriesOfZonesOfOtherParts() throws Exception {
        ZoneProbing probing = (work, at) -> PipelineFixture.observed(work, at, true);
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 2, List.of(A, B))) {
            f.sweep.runPart(zone -> zone.equals(A));
            f.sweep.runPart(zone -> zone.equals(B));
            f.sweep.runPart(zone -> zone.equals(A));

            assertThat(f.metricsText()).contains("zone=\"" + A + "\"").contains("zone=\"" + B + "\"");
        }
    }

    @Test
    void runPart_reusingLocatedZones_locatesAgainWhenTheInventoryChanged() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        ZoneProbing probing = (work, at) -> {
            probes.incrementAndGet();
            return PipelineFixture.observed(work, at, true);
        };
        try (PipelineFixture f = new PipelineFixture(dir, probing, GENEROUS, 2, List.of(A, B))) {
            Sweep reusing = f.sweepReusingLocated(Duration.ofHours(1));
            reusing.runPart(zone -> zone.equals(A));
            f.drop(B);
            // the inventory changed: the zones are located again, and B is gone from them
            reusing.runPart(zone -> true);
            assertThat(f.pipeline.watches(B)).isFalse();
            assertThat(probes).hasValue(2);
        }
    }
}
