package dev.dkimagent.agent.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Threads for the concurrency tests of the pipeline: start a body, wait at a latch with a limit. */
final class TestThreads {
    /** What a started thread runs; a failure ends the thread with it. */
    interface Body {
        void run() throws Exception;
    }

    private TestThreads() {
    }

    static Thread start(Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }

    /** Waits until {@code latch} opens, failing after {@code limit}. */
    static void reach(CountDownLatch latch, Duration limit) {
        try {
            if (!latch.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("latch not reached within " + limit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
