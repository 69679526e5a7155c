package dev.dkimagent.agent.dns;

import dev.dkimagent.agent.time.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DNS client's one thread: a selector for the shared UDP sockets, a timer wheel for attempt
 * timeouts and pacing delays, and a task queue. Everything a query does after it is submitted
 * (admission, pacing, send, read, retry, completion) runs here, so the per-query path has no lock
 * contention and no thread handoff. Other threads enter only through {@link #execute}.
 */
final class DnsLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsLoop.class);
    /** 5 ms ticks x 1024 slots: a round of 5.1 s, so a 2 s timeout is visited once. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int SLOTS = 1024;

    private final Ticker ticker;
    private final Selector selector;
    private final TimerWheel wheel;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Runnable> local = new ArrayDeque<>();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean stopped;

    DnsLoop(String name, Ticker ticker) {
        this.ticker = ticker;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the DNS client", e);
        }
        this.wheel = new TimerWheel(TICK_NANOS, SLOTS, ticker.nanoTime());
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Runs the task on the loop: later in this pass when called from the loop, else as soon as it wakes. */
    void execute(Runnable task) {
        if (Thread.currentThread() == thread) {
            local.add(task);
            return;
        }
        if (stopped) {
            task.run(); // the loop is gone: nothing else would run it
            return;
        }
        inbox.add(task);
        if (stopped) {
            drainInbox(); // the loop stopped meanwhile and may have drained before our add
        } else if (sleeping.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Loop thread only. */
    void schedule(TimerWheel.Timer timer, long delayNanos) {
        wheel.schedule(timer, ticker.nanoTime() + delayNanos);
    }

    /** Loop thread only. */
    void cancel(TimerWheel.Timer timer) {
        wheel.cancel(timer);
    }

    long now() {
        return ticker.nanoTime();
    }

    Selector selector() {
        return selector;
    }

    /** Stops the loop after the tasks queued so far; waits for its thread unless called from it. */
    @Override
    public void close() {
        execute(() -> running = false);
        if (!inLoop()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (running) {
                runTasks();
                if (!running) {
                    break;
                }
                select();
                wheel.advance(ticker.nanoTime());
            }
        } catch (RuntimeException | Error e) {
            LOG.error("the DNS client's I/O loop stopped on an unexpected error; DNS queries will fail", e);
        } finally {
            stopped = true;
            drainInbox();
            closeSelector();
        }
    }

    /** After the loop stopped: tasks still queued run on whichever thread gets them first. */
    private void drainInbox() {
        Runnable task;
        while ((task = local.isEmpty() || !inLoop() ? inbox.poll() : local.poll()) != null) {
            runSafely(task);
        }
    }

    private void runTasks() {
        for (int i = 0; i < 100_000; i++) { // bounded, so timers and sockets are served between floods
            Runnable task = local.poll();
            if (task == null) {
                task = inbox.poll();
            }
            if (task == null) {
                return;
            }
            runSafely(task);
        }
    }

    private void select() {
        try {
            if (!local.isEmpty() || !inbox.isEmpty()) {
                selector.selectNow();
            } else {
                sleeping.set(true);
                if (inbox.isEmpty()) {
                    selector.select(sleepMillis());
                } else {
                    selector.selectNow();
                }
                sleeping.set(false);
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                if (key.isValid() && key.attachment() instanceof Runnable ready) {
                    runSafely(ready);
                }
            }
        } catch (IOException e) {
            LOG.warn("DNS client: select failed", e);
        }
    }

    /** 0 = until woken (nothing scheduled); else to the next tick, at least 1 ms. */
    private long sleepMillis() {
        if (wheel.isEmpty()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(wheel.nanosToNextTick(ticker.nanoTime())));
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("DNS client: a task failed on the I/O loop", e);
        }
    }

    private void closeSelector() {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the DNS client's selector", e);
        }
    }
}
