package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.time.RateLimiter;
import dev.dkimagent.agent.time.Ticker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SesRateLimitTest {

    /** A ticker whose time only moves when the limiter sleeps. */
    private static final class FakeTicker implements Ticker {
        long now = 1_000;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void acquire_backToBack_spacesCallsOneIntervalApart() {
        FakeTicker ticker = new FakeTicker();
        RateLimiter limiter = new RateLimiter(5, ticker);
        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }
        assertThat(ticker.sleeps).containsExactly(200_000_000L, 200_000_000L, 200_000_000L);
    }

    @Test
    void acquire_afterIdlePeriod_doesNotWait() {
        FakeTicker ticker = new FakeTicker();
        RateLimiter limiter = new RateLimiter(1, ticker);
        limiter.acquire();
        ticker.now += 5_000_000_000L;
        limiter.acquire();
        assertThat(ticker.sleeps).isEmpty();
    }

    @Test
    void scan_fiveRequestsPerSecond_spreadsTenCallsOverAtLeastOnePointSixSeconds() {
        try (AwsSesStub stub = AwsSesStub.start()) {
            for (int i = 0; i < 8; i++) {
                stub.domain("default", "us-east-1", "pending" + i + ".example").status("PENDING");
            }
            SesOptions fiveRps = SesTestSupport.options(stub, List.of("us-east-1"), List.of(), 0, 5);
            try (SesInventory inv = SesTestSupport.inventory(stub, fiveRps)) {
                inv.scan();
            }
            List<Long> arrivals = stub.log().stream().map(AwsSesStub.Call::arrivalNanos).sorted().toList();
            assertThat(arrivals).hasSize(10);   // 1 list + 1 batch + 8 details
            double spreadSeconds = (arrivals.get(9) - arrivals.get(0)) / 1e9;
            assertThat(spreadSeconds).isGreaterThanOrEqualTo(1.6);
        }
    }
}
