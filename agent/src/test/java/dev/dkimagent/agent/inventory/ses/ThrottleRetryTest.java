package dev.dkimagent.agent.inventory.ses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Backoff with jitter inside a per-scan budget, on a fake clock (nothing sleeps). */
class ThrottleRetryTest {
    private final AtomicLong now = new AtomicLong();
    private final List<Duration> slept = new ArrayList<>();

    private ThrottleRetry retry(Duration budget, double random) {
        return new ThrottleRetry(budget, now::get, () -> random, wait -> {
            slept.add(wait);
            now.addAndGet(wait.toNanos());
        });
    }

    @Test
    void waits_doubleEachRetry_capAt20s_andJitterStaysInTheUpperHalfOfTheStep() {
        ThrottleRetry low = retry(Duration.ofHours(1), 0.0);
        ThrottleRetry high = retry(Duration.ofHours(1), 0.999);

        assertThat(List.of(1, 2, 3, 4, 8).stream().map(n -> low.waitBefore(n).orElseThrow()).toList())
                .containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertThat(high.waitBefore(1).orElseThrow()).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(high.waitBefore(30).orElseThrow()).isBetween(Duration.ofMillis(19_990), Duration.ofSeconds(20));
    }

    @Test
    void awaitRetry_stopsWhenTheNextWaitWouldPassTheBudget_andANewScanHasItAgain() throws InterruptedException {
        ThrottleRetry retry = retry(Duration.ofSeconds(2), 0.0);

        // 0.25 + 0.5 + 1 = 1.75 s; the next, 2 s, would end at 3.75 s
        assertThat(retry.awaitRetry(1)).isTrue();
        assertThat(retry.awaitRetry(2)).isTrue();
        assertThat(retry.awaitRetry(3)).isTrue();
        assertThat(retry.awaitRetry(4)).isFalse();
        assertThat(slept).hasSize(3);

        retry.startScan();
        assertThat(retry.awaitRetry(1)).isTrue();
    }

    @Test
    void options_rejectANegativeBudget_andDefaultTo2Minutes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SesOptions(List.of("us-east-1"), null, null,
                        List.of(), List.of(), List.of(), 1, Duration.ofHours(6), 50, Duration.ofSeconds(30),
                        Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("throttleBudget");
        assertThat(SesOptions.defaults(List.of("us-east-1")).throttleBudget()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void zeroBudget_neverRetries() throws InterruptedException {
        assertThat(retry(Duration.ZERO, 0.0).awaitRetry(1)).isFalse();
        assertThat(slept).isEmpty();
    }
}
