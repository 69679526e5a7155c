package dev.dkimagent.agent.demo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for Ctrl-C (the JVM's shutdown) or a duration, whichever comes first. On Ctrl-C the
 * shutdown hook holds the JVM until the demo has closed (within {@link #STOP_BUDGET}); when the
 * duration ends first, closing removes the hook, so nothing outlives the demo.
 */
public final class StopSignal implements AutoCloseable {
    static final Duration STOP_BUDGET = Duration.ofSeconds(8);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::holdShutdown, "dkim-agent-demo-shutdown");

    private StopSignal() {
    }

    public static StopSignal onShutdown() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** Blocks until Ctrl-C or until duration has passed (null: until Ctrl-C); true when Ctrl-C came. */
    public boolean await(Duration duration) throws InterruptedException {
        if (duration == null) {
            requested.await();
            return true;
        }
        return requested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void holdShutdown() {
        requested.countDown();
        try {
            finished.await(STOP_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The demo has stopped: lets a pending shutdown proceed, or removes the hook when none is. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that finished is counted down
        }
    }
}
