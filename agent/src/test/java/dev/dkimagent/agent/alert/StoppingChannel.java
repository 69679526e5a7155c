package dev.dkimagent.agent.alert;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seam for "the node died here": passes the first {@code passThrough} deliveries to the real
 * channel, then stops the calling thread for good on the next one, before the post or right after
 * it (before the dispatcher can record it). The test then abandons that dispatcher; {@link #abandon()}
 * at teardown lets the thread go without posting anything more.
 */
final class StoppingChannel implements AlertChannel {

    private final AlertChannel delegate;
    private final int passThrough;
    private final boolean afterPost;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch abandoned = new CountDownLatch(1);

    StoppingChannel(AlertChannel delegate, int passThrough, boolean afterPost) {
        this.delegate = delegate;
        this.passThrough = passThrough;
        this.afterPost = afterPost;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String settingsFingerprint() {
        return delegate.settingsFingerprint();
    }

    @Override
    public DeliveryResult deliver(Notification notification, String threadRef) {
        return deliver(notification, threadRef, null);
    }

    @Override
    public DeliveryResult deliver(Notification notification, String threadRef, String messageKey) {
        if (calls.incrementAndGet() <= passThrough) {
            return delegate.deliver(notification, threadRef, messageKey);
        }
        if (afterPost) {
            delegate.deliver(notification, threadRef, messageKey);
        }
        stopped.countDown();
        awaitAbandon();
        return DeliveryResult.uncertain("this node is dead");
    }

    @Override
    public Lookup find(String messageKey, String threadRef, Instant since) {
        return delegate.find(messageKey, threadRef, since);
    }

    @Override
    public DeliveryResult markResolved(Notification resolution, String threadRef) {
        return delegate.markResolved(resolution, threadRef);
    }

    /** Waits until a delivery has stopped here; fails the test after 30 s. */
    void awaitStopped() throws InterruptedException {
        if (!stopped.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no delivery reached the stopping point within 30 s");
        }
    }

    void abandon() {
        abandoned.countDown();
    }

    private void awaitAbandon() {
        try {
            abandoned.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
