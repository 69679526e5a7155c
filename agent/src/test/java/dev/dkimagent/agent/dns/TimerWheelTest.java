package dev.dkimagent.agent.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerWheelTest {
    private static final long MS = 1_000_000L;
    private final List<String> fired = new ArrayList<>();
    private final TimerWheel wheel = new TimerWheel(5 * MS, 16, 0);

    private TimerWheel.Timer timer(String name, Runnable alsoDo) {
        return new TimerWheel.Timer() {
            @Override
            void expire() {
                fired.add(name);
                alsoDo.run();
            }
        };
    }

    private TimerWheel.Timer timer(String name) {
        return timer(name, () -> { });
    }

    @Test
    void advance_firesOnlyTimersWhoseDeadlineHasPassed() {
        wheel.schedule(timer("a"), 10 * MS);
        wheel.schedule(timer("b"), 30 * MS);

        wheel.advance(12 * MS);
        assertThat(fired).containsExactly("a");
        wheel.advance(31 * MS);
        assertThat(fired).containsExactly("a", "b");
        assertThat(wheel.isEmpty()).isTrue();
    }

    @Test
    void advance_timerSeveralRoundsAway_waitsForItsRound() {
        wheel.schedule(timer("far"), 200 * MS); // 16 slots x 5 ms = 80 ms a round

        wheel.advance(100 * MS);
        assertThat(fired).isEmpty();
        wheel.advance(199 * MS);
        assertThat(fired).isEmpty();
        wheel.advance(205 * MS);
        assertThat(fired).containsExactly("far");
    }

    @Test
    void cancel_beforeDeadline_neverFires() {
        TimerWheel.Timer t = timer("cancelled");
        wheel.schedule(t, 10 * MS);
        wheel.cancel(t);

        wheel.advance(50 * MS);
        assertThat(fired).isEmpty();
        assertThat(wheel.isEmpty()).isTrue();
    }

    @Test
    void expire_cancellingAnotherDueTimerOfTheSameSlot_stopsIt() {
        TimerWheel.Timer second = timer("second");
        TimerWheel.Timer first = timer("first", () -> wheel.cancel(second));
        wheel.schedule(second, 10 * MS);
        wheel.schedule(first, 10 * MS); // the slot's list holds first, then second

        wheel.advance(20 * MS);
        assertThat(fired).containsExactly("first");
    }

    @Test
    void expire_schedulingANewTimer_firesItOnALaterAdvance() {
        wheel.schedule(timer("first", () -> wheel.schedule(timer("next"), 30 * MS)), 10 * MS);

        wheel.advance(20 * MS);
        assertThat(fired).containsExactly("first");
        wheel.advance(40 * MS);
        assertThat(fired).containsExactly("first", "next");
    }

    @Test
    void schedule_deadlineInThePast_firesOnTheNextAdvance() {
        wheel.advance(100 * MS);
        wheel.schedule(timer("late"), 50 * MS);

        wheel.advance(101 * MS);
        assertThat(fired).containsExactly("late");
    }
}
