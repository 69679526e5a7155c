package dev.dkimagent.agent.time;

/**
 * The agent's one source of elapsed time: nanoseconds like {@link System#nanoTime} (for
 * intervals, pacing, timeouts, idleness), and the wait that goes with it. Wall time is a
 * {@link java.time.Clock}. Tests pass a fake whose time moves only when they say or when
 * something sleeps, so no test waits on the wall clock for pacing.
 */
public interface Ticker {
    /** The real one: System.nanoTime and Thread.sleep. */
    Ticker SYSTEM = System::nanoTime;

    long nanoTime();

    /** Waits this long (nothing when nanos <= 0). A fake ticker advances its time instead. */
    default void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }
}
