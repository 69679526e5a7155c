package dev.dkimagent.agent.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link Store#heal()} on a thread of its own, so the store reopens even when no sweep or
 * delivery runs. The tick only asks; {@link StoreHealth} decides when an attempt is due.
 */
public final class StoreHealer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreHealer.class);
    public static final Duration TICK = Duration.ofSeconds(1);

    private final ScheduledExecutorService executor;

    private StoreHealer(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    public static StoreHealer start(Store store) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dkim-agent-store-heal");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> healQuietly(store), TICK.toMillis(), TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        return new StoreHealer(executor);
    }

    /** A task that throws is never run again: report and go on. */
    private static void healQuietly(Store store) {
        try {
            store.heal();
        } catch (RuntimeException e) {
            LOG.error("reopening the state database failed unexpectedly: {}", e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
