package dev.dkimagent.agent.dns;

/**
 * A hashed timer wheel for the DNS loop's timeouts and pacing delays: O(1) to add and to cancel
 * (each timer is a node of its slot's doubly linked list), and each tick only walks the timers
 * that hash to it. Not thread-safe: only the loop's thread touches it.
 */
final class TimerWheel {
    /** A timer; subclass and implement {@link #expire}. One wheel at a time, once at a time. */
    abstract static class Timer {
        private long deadline;
        private Timer prev;
        private Timer next;
        private int slot = -1;

        /** Runs on the loop's thread when the deadline has passed. */
        abstract void expire();

        final boolean scheduled() {
            return slot >= 0 || slot == DETACHED;
        }
    }

    /** slot value of a timer taken off its slot's list while the slot expires. */
    private static final int DETACHED = -2;

    private final java.util.ArrayList<Timer> scratch = new java.util.ArrayList<>();
    private final long tickNanos;
    private final Timer[] heads;
    private final int mask;
    private long cursor;
    private int size;

    /** slots must be a power of two; a round of the wheel lasts tickNanos x slots. */
    TimerWheel(long tickNanos, int slots, long now) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, got " + slots);
        }
        this.tickNanos = tickNanos;
        this.heads = new Timer[slots];
        this.mask = slots - 1;
        this.cursor = now / tickNanos;
    }

    void schedule(Timer t, long deadline) {
        cancel(t);
        long tick = Math.max(deadline / tickNanos, cursor);
        int slot = (int) (tick & mask);
        t.deadline = deadline;
        t.slot = slot;
        t.prev = null;
        t.next = heads[slot];
        if (t.next != null) {
            t.next.prev = t;
        }
        heads[slot] = t;
        size++;
    }

    /** Removes the timer if it is scheduled; harmless otherwise. */
    void cancel(Timer t) {
        if (t.slot == DETACHED) {
            t.slot = -1;
            return;
        }
        if (!t.scheduled()) {
            return;
        }
        if (t.prev != null) {
            t.prev.next = t.next;
        } else {
            heads[t.slot] = t.next;
        }
        if (t.next != null) {
            t.next.prev = t.prev;
        }
        t.prev = null;
        t.next = null;
        t.slot = -1;
        size--;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Nanoseconds until the next tick boundary: how long the loop may sleep before advancing again. */
    long nanosToNextTick(long now) {
        return (cursor + 1) * tickNanos - now;
    }

    /** Expires every timer whose deadline is at or before now, in tick order. */
    void advance(long now) {
        long last = now / tickNanos;
        long stop = Math.min(last, cursor + mask); // one whole round visits every slot
        for (long tick = cursor; tick <= stop; tick++) {
            expireSlot((int) (tick & mask), now);
        }
        cursor = last;
    }

    /**
     * Detaches the slot's list first, so a timer's expire() may schedule or cancel any timer,
     * including others of this slot: those are marked {@link #DETACHED} and a cancel just unmarks them.
     */
    private void expireSlot(int slot, long now) {
        Timer t = heads[slot];
        heads[slot] = null;
        scratch.clear();
        while (t != null) {
            Timer next = t.next;
            t.prev = null;
            t.next = null;
            t.slot = DETACHED;
            size--;
            scratch.add(t);
            t = next;
        }
        for (Timer each : scratch) {
            if (each.slot != DETACHED) {
                continue; // cancelled or rescheduled by an earlier expire()
            }
            each.slot = -1;
            if (each.deadline - now <= 0) {
                each.expire();
            } else {
                schedule(each, each.deadline); // a later round
            }
        }
        scratch.clear();
    }
}
