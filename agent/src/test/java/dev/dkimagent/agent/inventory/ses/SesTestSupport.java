package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.agent.alert.MutableClock;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.rules.model.SesApiError;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds inventories against the stub; a settable clock; the no-secret check. */
final class SesTestSupport {
    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    private SesTestSupport() {
    }

    static SesOptions options(AwsSesStub stub, List<String> regions, List<SesAccount> accounts, int budget, double rps) {
        return new SesOptions(regions, stub.endpoint(), stub.endpoint(), accounts, List.of(), List.of(), rps,
                Duration.ofHours(6), budget, Duration.ofSeconds(20), THROTTLE_BUDGET);
    }

    /** Short, so throttling that never clears is reported within a test's patience. */
    static final Duration THROTTLE_BUDGET = Duration.ofSeconds(1);

    static SesOptions fast(AwsSesStub stub, String... regions) {
        return options(stub, List.of(regions), List.of(), 50, 1000);
    }

    static SesInventory inventory(AwsSesStub stub, SesOptions options, Clock clock, List<SesCallEvent> events) {
        return new SesInventory(options, stub.baseCredentials(), clock, events::add);
    }

    static SesInventory inventory(AwsSesStub stub, SesOptions options) {
        return inventory(stub, options, new MutableClock(T0), new CopyOnWriteArrayList<>());
    }

    /** No error text carries the base secret, a temporary secret or a session token. */
    static void assertNoSecrets(SesScan scan, AwsSesStub stub) {
        for (SesApiError e : scan.view().errors()) {
            for (String secret : stub.secrets()) {
                assertThat(e.toString()).doesNotContain(secret);
            }
        }
    }
}
