package dev.dkimagent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvaluationCacheTest {
    private final AtomicInteger computed = new AtomicInteger();

    private static Snapshot snapshot() {
        return new Snapshot(Instant.EPOCH, List.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private String compute(Snapshot s) {
        return "value " + computed.incrementAndGet();
    }

    @Test
    void get_insideScope_computesOncePerKey() {
        Snapshot s = snapshot();
        try (EvaluationCache.Scope ignored = EvaluationCache.open(s)) {
            assertThat(EvaluationCache.get(s, "k", this::compute)).isEqualTo("value 1");
            assertThat(EvaluationCache.get(s, "k", this::compute)).isEqualTo("value 1");
            assertThat(EvaluationCache.get(s, "other", this::compute)).isEqualTo("value 2");
        }
        assertThat(computed).hasValue(2);
    }

    @Test
    void get_outsideScope_computesEveryTime() {
        Snapshot s = snapshot();
        EvaluationCache.get(s, "k", this::compute);
        EvaluationCache.get(s, "k", this::compute);

        assertThat(computed).hasValue(2);
    }

    @Test
    void get_anotherSnapshotInsideScope_isNotServedTheScopesValue() {
        Snapshot scoped = snapshot();
        Snapshot equalButOther = snapshot();
        try (EvaluationCache.Scope ignored = EvaluationCache.open(scoped)) {
            EvaluationCache.get(scoped, "k", this::compute);

            assertThat(EvaluationCache.get(equalButOther, "k", this::compute)).isEqualTo("value 2");
        }
    }

    @Test
    void close_afterwards_nothingIsMemoised() {
        Snapshot s = snapshot();
        try (EvaluationCache.Scope ignored = EvaluationCache.open(s)) {
            EvaluationCache.get(s, "k", this::compute);
        }

        assertThat(EvaluationCache.get(s, "k", this::compute)).isEqualTo("value 2");
    }

    @Test
    void close_nestedScope_restoresTheEnclosingOne() {
        Snapshot outer = snapshot();
        Snapshot inner = snapshot();
        try (EvaluationCache.Scope o = EvaluationCache.open(outer)) {
            EvaluationCache.get(outer, "k", this::compute);
            try (EvaluationCache.Scope i = EvaluationCache.open(inner)) {
                EvaluationCache.get(inner, "k", this::compute);
            }

            assertThat(EvaluationCache.get(outer, "k", this::compute)).isEqualTo("value 1");
        }
    }
}
