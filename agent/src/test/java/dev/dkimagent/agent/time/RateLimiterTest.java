package dev.dkimagent.agent.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final FakeTicker ticker = new FakeTicker();

    @Test
    void acquire_backToBack_spacesCallsOneIntervalApart() {
        RateLimiter limiter = new RateLimiter(5, ticker);
        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }
        assertThat(ticker.sleeps()).containsExactly(200_000_000L, 200_000_000L, 200_000_000L);
    }

    @Test
    void acquire_afterIdlePeriod_doesNotWait() {
        RateLimiter limiter = new RateLimiter(1, ticker);
        limiter.acquire();
        ticker.advance(5_000_000_000L);
        limiter.acquire();
        assertThat(ticker.sleeps()).isEmpty();
    }

    @Test
    void reserve_booksSlotsAheadWithoutWaiting() {
        RateLimiter limiter = new RateLimiter(20, ticker);

        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isEqualTo(50_000_000L);
        assertThat(limiter.reserve()).isEqualTo(100_000_000L);
        ticker.advance(60_000_000L);
        assertThat(limiter.reserve()).as("the next free slot, 150 ms after the first, 90 ms from now")
                .isEqualTo(90_000_000L);
        assertThat(ticker.sleeps()).isEmpty();
    }

    @Test
    void reserve_zeroRate_neverDelays() {
        RateLimiter limiter = new RateLimiter(0, ticker);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.reserve()).isZero();
        }
    }

    @Test
    void negativeRate_isRejected() {
        assertThatThrownBy(() -> new RateLimiter(-1, ticker)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
