package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.agent.demo.ses.AwsSesStub;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SES side of the shared limiter (its unit tests, on a fake ticker: time/RateLimiterTest). */
class SesRateLimitTest {

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
