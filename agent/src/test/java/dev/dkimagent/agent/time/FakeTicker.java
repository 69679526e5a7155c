package dev.dkimagent.agent.time;

import java.util.ArrayList;
import java.util.List;

/** A ticker whose time moves only when a test advances it or something sleeps on it; sleeps are recorded. */
public final class FakeTicker implements Ticker {
    private long now = 1_000;
    private final List<Long> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleepNanos(long nanos) {
        sleeps.add(nanos);
        now += Math.max(0, nanos);
    }

    public synchronized void advance(long nanos) {
        now += nanos;
    }

    public synchronized List<Long> sleeps() {
        return List.copyOf(sleeps);
    }
}
