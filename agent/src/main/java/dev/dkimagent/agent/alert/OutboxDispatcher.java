package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.Incident;
import dev.dkimagent.agent.store.OutboxMessage;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.Store.IncidentChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox through one channel. The caller schedules {@link #deliverDue()} on its own
 * thread; the sweep only writes the outbox and never waits for a delivery.
 *
 * <p>At least once, with idempotent sends: a message is marked delivered in a commit made right
 * after the channel took it, and every attempt sends the same stored payload. If the process dies
 * after the channel accepted a message and before that commit, the message is sent again after
 * the restart: a repeat of the same post, never a different one. The window is one local commit
 * long; closing it would need an idempotency key the channel honours, which Slack does not offer.
 *
 * <p>Nothing goes out that cannot be recorded: before each post the store must commit a probe
 * write ({@link Store#canRecord()}); while the state store is down the outbox waits.
 *
 * <p>A rate limit is the channel's, not one message's: when the channel asks for a wait (429
 * Retry-After), the tick stops and nothing goes out before that wait is over. The pause lives in
 * memory only; after a restart each message's own next attempt still keeps the retried one back.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final Duration BACKOFF_BASE = Duration.ofSeconds(2);
    static final Duration BACKOFF_CAP = Duration.ofMinutes(10);
    /** Attempts per tick at most, so one tick stays short even with a large backlog. */
    static final int MAX_ATTEMPTS_PER_TICK = 200;

    private final Store store;
    private final AlertChannel channel;
    private final Clock clock;
    private final Consumer<DeliveryEvent> listener;
    private final Backoff backoff;
    /** The channel asked for a wait: no attempt before this instant; null = no pause. */
    private Instant pausedUntil;

    public OutboxDispatcher(Store store, AlertChannel channel, Clock clock, Consumer<DeliveryEvent> listener) {
        this(store, channel, clock, listener, new Backoff(BACKOFF_BASE, BACKOFF_CAP, Backoff.randomJitter()));
    }

    OutboxDispatcher(Store store, AlertChannel channel, Clock clock, Consumer<DeliveryEvent> listener,
                     Backoff backoff) {
        this.store = Objects.requireNonNull(store, "store");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.backoff = backoff;
    }

    /**
     * Attempts every due message, per identity strictly in order (each identity's next message
     * goes out in the same tick once the one before it is delivered or given up).
     *
     * @return how many messages were delivered in this tick
     */
    public synchronized int deliverDue() {
        if (paused() || !store.reachable()) {
            return 0;  // a store that is down reopens by itself (and says so in the log)
        }
        Set<Long> attempted = new HashSet<>();
        int delivered = 0;
        try {
            delivered = deliverRounds(attempted);
        } catch (RuntimeException e) {
            // a scheduled executor stops rescheduling a task that throws: report and try next tick
            LOG.error("outbox delivery via {} stopped for this tick: {}", channel.name(), e.getMessage());
        }
        return delivered;
    }

    private int deliverRounds(Set<Long> attempted) {
        int delivered = 0;
        while (attempted.size() < MAX_ATTEMPTS_PER_TICK) {
            List<OutboxMessage> due = store.dueMessages(clock.instant(), MAX_ATTEMPTS_PER_TICK - attempted.size());
            due.removeIf(m -> attempted.contains(m.id()));  // a zero-wait retry waits for the next tick
            if (due.isEmpty()) {
                break;
            }
            for (OutboxMessage message : due) {
                if (!store.canRecord()) {
                    return delivered;  // nothing goes out that could not be marked delivered
                }
                attempted.add(message.id());
                Notification notification = readable(message);
                delivered += notification != null && attempt(message, notification) ? 1 : 0;
                if (paused()) {
                    return delivered;  // posting on would only run into the same rate limit
                }
            }
        }
        return delivered;
    }

    private boolean paused() {
        return pausedUntil != null && clock.instant().isBefore(pausedUntil);
    }

    /** Messages waiting to go out, due or backing off. */
    public long pendingCount() {
        return store.pendingCount();
    }

    /** The message's notification, or null when its payload cannot be read: then it is set aside, loudly. */
    private Notification readable(OutboxMessage message) {
        try {
            return NotificationCodec.decode(message.payload());
        } catch (StoredFormatException e) {
            LOG.error("outbox message {} for {} cannot be read and will not be sent; kept as 'permanent': {}",
                    message.id(), message.identity(), e.getMessage());
            store.recordUnreadable(message, "stored notification is unreadable: " + e.getMessage());
            return null;
        }
    }

    private boolean attempt(OutboxMessage message, Notification notification) {
        Incident incident = store.incident(message.identity()).orElse(null);
        String threadRef = incident == null ? null : incident.threadRef();
        DeliveryResult result = deliver(notification, threadRef);
        switch (result.outcome()) {
            case DELIVERED -> {
                delivered(message, notification, result, incident);
                return true;
            }
            case RETRY -> retry(message, result);
            case PERMANENT -> permanent(message, result);
            default -> throw new IllegalStateException("unknown outcome " + result.outcome());
        }
        return false;
    }

    /** Channels should not throw; if one does, the message is retried rather than lost. */
    private DeliveryResult deliver(Notification notification, String threadRef) {
        try {
            return channel.deliver(notification, threadRef);
        } catch (RuntimeException e) {
            return DeliveryResult.retry(null, "channel threw " + e.getClass().getSimpleName());
        }
    }

    private void delivered(OutboxMessage message, Notification n, DeliveryResult result, Incident incident) {
        IncidentChange change = incidentChange(n, incident);
        store.recordDelivered(message, result.messageRef(), clock.instant(), change);
        listener.accept(new DeliveryEvent(channel.name(), DeliveryEvent.DELIVERED));
        if (change == IncidentChange.CLOSE && incident.threadRef() != null) {
            markResolved(n, incident.threadRef());
        }
    }

    /** An incident opens with the first delivered firing message and closes with an all-clear. */
    private static IncidentChange incidentChange(Notification n, Incident incident) {
        if (incident == null) {
            return n.firing().isEmpty() && n.reminders().isEmpty() ? IncidentChange.NONE : IncidentChange.OPEN;
        }
        return n.onlyResolved() ? IncidentChange.CLOSE : IncidentChange.NONE;
    }

    /** Best effort: the resolution itself was delivered; a failed edit of the first message is only logged. */
    private void markResolved(Notification resolution, String threadRef) {
        DeliveryResult result = channel.markResolved(resolution, threadRef);
        if (result.outcome() != DeliveryResult.Outcome.DELIVERED) {
            LOG.warn("marking the incident of {} as resolved on {} failed ({}): {}", resolution.identity(),
                    channel.name(), result.outcome(), result.error());
        }
    }

    private void retry(OutboxMessage message, DeliveryResult result) {
        Instant now = clock.instant();
        Duration wait = backoff.delay(message.attempts() + 1, result.retryAfter());
        store.recordRetry(message, now.plus(wait), result.error());
        listener.accept(new DeliveryEvent(channel.name(), DeliveryEvent.RETRY));
        LOG.debug("alert for {} via {} will be retried in {}: {}", message.identity(), channel.name(), wait,
                result.error());
        pauseIfAsked(now, result.retryAfter());
    }

    /** A positive Retry-After holds back the whole channel; zero or none only this message. */
    private void pauseIfAsked(Instant now, Duration retryAfter) {
        if (retryAfter == null || retryAfter.isZero() || retryAfter.isNegative()) {
            return;
        }
        pausedUntil = now.plus(retryAfter);
        LOG.info("{} asked to wait {}: no alert goes out through it before {}", channel.name(), retryAfter,
                pausedUntil);
    }

    private void permanent(OutboxMessage message, DeliveryResult result) {
        store.recordPermanent(message, result.error());
        listener.accept(new DeliveryEvent(channel.name(), DeliveryEvent.PERMANENT));
        LOG.error("alert for {} via {} cannot be delivered as configured ({}); kept in the outbox as "
                        + "'permanent', later alerts still go out; check the channel's settings",
                message.identity(), channel.name(), result.error());
    }

    /** Exponential backoff with full jitter, never shorter than what the channel asked for. */
    static final class Backoff {
        private final Duration base;
        private final Duration cap;
        private final Jitter jitter;

        /** Returns a value in [0, bound]. */
        interface Jitter {
            long next(long bound);
        }

        Backoff(Duration base, Duration cap, Jitter jitter) {
            this.base = base;
            this.cap = cap;
            this.jitter = jitter;
        }

        static Jitter randomJitter() {
            return bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1);
        }

        /** The wait before attempt number {@code attempt + 1}, after {@code attempt} failures (1-based). */
        Duration delay(int attempt, Duration retryAfter) {
            long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
            Duration jittered = Duration.ofMillis(jitter.next(ceiling));
            return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
        }
    }
}
