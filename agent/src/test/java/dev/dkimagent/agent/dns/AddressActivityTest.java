package dev.dkimagent.agent.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AddressActivityTest {
    private static final long IDLE = AddressActivity.IDLE.toNanos();

    private final AtomicLong nanos = new AtomicLong(-5_000L); // nanoTime may be negative
    private final List<String> evicted = new ArrayList<>();

    private AddressActivity activity(boolean quiet) {
        return new AddressActivity(nanos::get, address -> {
            if (quiet) {
                evicted.add(address);
            }
            return quiet;
        });
    }

    @Test
    void sweep_endedAndIdleForIdleTime_evicts() {
        AddressActivity activity = activity(true);
        activity.begin("a");
        activity.end("a");

        activity.sweep(nanos.get() + IDLE - 1);
        assertThat(activity.tracks("a")).isTrue();
        activity.sweep(nanos.get() + IDLE);

        assertThat(activity.tracks("a")).isFalse();
        assertThat(evicted).containsExactly("a");
    }

    @Test
    void sweep_queryNotEnded_neverEvicts() {
        AddressActivity activity = activity(true);
        activity.begin("a");
        activity.begin("a");
        activity.end("a");

        activity.sweep(nanos.get() + 10 * IDLE);

        assertThat(activity.tracks("a")).isTrue();
        assertThat(evicted).isEmpty();
    }

    @Test
    void sweep_stateStillHeld_keepsTheAddress() {
        AddressActivity activity = activity(false);
        activity.begin("a");
        activity.end("a");

        activity.sweep(nanos.get() + IDLE);

        assertThat(activity.tracks("a")).isTrue();
    }
}
