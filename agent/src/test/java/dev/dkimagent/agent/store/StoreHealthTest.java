package dev.dkimagent.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The health state machine and its backoff, on instants the test chooses (no waiting). */
class StoreHealthTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void newHealth_isUp_andNoReopenIsDue() {
        StoreHealth health = new StoreHealth(T0);

        assertThat(health.up()).isTrue();
        assertThat(health.reopenDue(T0.plusSeconds(3600))).isFalse();
    }

    @Test
    void firstFailure_turnsDownWithItsReason_andAReopenIsDueAtOnce() {
        StoreHealth health = new StoreHealth(T0);

        assertThat(health.failed("saving state failed: The database has been closed", T0.plusSeconds(5))).isTrue();

        assertThat(health.status()).isEqualTo(new StoreHealth.Status(false,
                "saving state failed: The database has been closed", T0.plusSeconds(5)));
        assertThat(health.reopenDue(T0.plusSeconds(5))).isTrue();
    }

    @Test
    void laterFailuresWhileDown_keepTheFirstReasonAndTime() {
        StoreHealth health = new StoreHealth(T0);
        health.failed("first", T0);

        assertThat(health.failed("second", T0.plusSeconds(1))).isFalse();

        assertThat(health.status()).isEqualTo(new StoreHealth.Status(false, "first", T0));
    }

    @Test
    void failedReopens_waitOneTwoFourSeconds_thenNeverMoreThanTheCap() {
        StoreHealth health = new StoreHealth(T0);
        health.failed("disk full", T0);
        Instant now = T0;
        long[] expectedWaits = {1, 2, 4, 8, 16, 30, 30, 30};

        for (long wait : expectedWaits) {
            assertThat(health.reopenDue(now)).isTrue();
            health.reopenFailed("still full", now);
            assertThat(health.reopenDue(now.plusSeconds(wait).minusMillis(1))).as("before %d s", wait).isFalse();
            assertThat(health.reopenDue(now.plusSeconds(wait))).as("at %d s", wait).isTrue();
            now = now.plusSeconds(wait);
        }
        assertThat(health.status().reason()).isEqualTo("still full");
        assertThat(health.status().since()).as("down since the first failure").isEqualTo(T0);
    }

    @Test
    void reopened_isUpAgain_andTheNextFailureStartsTheBackoffAfresh() {
        StoreHealth health = new StoreHealth(T0);
        health.failed("gone", T0);
        health.reopenFailed("gone", T0);
        health.reopenFailed("gone", T0.plusSeconds(1));
        health.reopened(T0.plusSeconds(3));

        assertThat(health.status()).isEqualTo(new StoreHealth.Status(true, "reopened", T0.plusSeconds(3)));
        assertThat(health.reopenDue(T0.plusSeconds(100))).isFalse();

        health.failed("gone again", T0.plusSeconds(100));
        health.reopenFailed("gone again", T0.plusSeconds(100));
        assertThat(health.nextAttempt()).isEqualTo(T0.plusSeconds(101));
    }

    @Test
    void waitAfter_isCappedForAnyNumberOfFailures() {
        assertThat(StoreHealth.waitAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(StoreHealth.waitAfter(1_000_000)).isEqualTo(StoreHealth.MAX_WAIT);
    }

    @Test
    void whileUp_aProbeIsDueEveryTenSeconds_andNoneWhileDown() {
        StoreHealth health = new StoreHealth(T0);

        assertThat(health.probeDue(T0.plusMillis(9_999))).isFalse();
        assertThat(health.probeDue(T0.plusSeconds(10))).isTrue();
        health.probed(T0.plusSeconds(10));
        assertThat(health.probeDue(T0.plusSeconds(19))).isFalse();
        assertThat(health.probeDue(T0.plusSeconds(20))).isTrue();

        health.failed("closed", T0.plusSeconds(20));
        assertThat(health.probeDue(T0.plusSeconds(60))).isFalse();
        health.reopened(T0.plusSeconds(60));
        assertThat(health.probeDue(T0.plusSeconds(69))).isFalse();
        assertThat(health.probeDue(T0.plusSeconds(70))).isTrue();
    }
}
