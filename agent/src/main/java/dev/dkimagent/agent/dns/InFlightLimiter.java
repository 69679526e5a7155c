package dev.dkimagent.agent.dns;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * A global cap on queries outstanding. Tasks over the cap wait in FIFO order; a released permit
 * passes straight to the next waiting task, which runs on the executor (not on the releasing
 * thread, so a run of instant failures cannot grow the stack).
 */
final class InFlightLimiter {
    private final int max;
    private final Executor executor;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;

    InFlightLimiter(int max, Executor executor) {
        this.max = max;
        this.executor = executor;
    }

    /** Runs the task now if a permit is free, else when one is released. The task must call release(). */
    void submit(Runnable task) {
        synchronized (this) {
            if (inFlight >= max) {
                waiting.add(task);
                return;
            }
            inFlight++;
        }
        task.run();
    }

    void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        executor.execute(next);
    }

    /** Removes and returns every waiting task (on close, so they can finish without a permit chain). */
    synchronized java.util.List<Runnable> drain() {
        java.util.List<Runnable> all = new java.util.ArrayList<>(waiting);
        waiting.clear();
        return all;
    }

    /** No permit taken and nobody waiting: the limiter can be dropped. */
    synchronized boolean idle() {
        return inFlight == 0 && waiting.isEmpty();
    }
}
