package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.Incident;
import dev.dkimagent.agent.store.OutboxClaim;
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
 * <p>Never lose, bounded repeats (docs/operations.md#guarantees):
 * <ul>
 * <li>Every attempt is recorded as in flight before anything is sent, and its outcome after. A
 *     post that may have been taken (no answer, or the process died during it) is "uncertain":
 *     before it is sent again the channel looks for it ({@link AlertChannel#find}); when it cannot
 *     look (a webhook) it is sent again once, after a backoff of {@code uncertainBackoff} doubling
 *     per uncertain attempt. After two unanswered sends it is not sent a third time (counted
 *     {@code unconfirmed}): at most one extra copy.</li>
 * <li>A refusal of the configuration (404/410, invalid_auth, channel_not_found) holds the message:
 *     pending, retried with a long backoff, at once after a restart and as soon as the channel's
 *     settings fingerprint differs from the one that refused it. Later messages of the identity wait
 *     behind it, so a resolution never overtakes its firing message; a resolution whose incident
 *     was never announced (its firing message was set aside) is not sent alone.</li>
 * <li>A Retry-After pauses the whole channel ({@link ChannelPause}: capped, stored).</li>
 * <li>Nothing goes out that cannot be recorded: before each post the store must commit a probe
 *     write ({@link Store#canRecord()}); while the state store is down the outbox waits.</li>
 * <li>Cluster mode ({@link ClaimPolicy#cluster}): each node claims a few due messages before it sends
 *     them ({@link LeasedOutbox}), so two nodes never send the same message. A node that dies stops
 *     renewing its claims; after the lease another node takes its messages over, and an attempt the
 *     dead node started and never recorded is uncertain, as above: looked for (bot token) or sent
 *     again (webhook: at least once, at most one extra copy). A channel's Retry-After pauses every
 *     node (read from the store at each tick).</li>
 * </ul>
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final Duration BACKOFF_BASE = Duration.ofSeconds(2);
    static final Duration BACKOFF_CAP = Duration.ofMinutes(10);
    /** A refused configuration is fixed by a person: retry rarely, and at once after a restart. */
    static final Duration HELD_BACKOFF_BASE = Duration.ofMinutes(15);
    static final Duration HELD_BACKOFF_CAP = Duration.ofHours(6);
    static final Duration UNCERTAIN_BACKOFF_CAP = Duration.ofHours(1);
    /** The longest channel pause obeyed: alerts must not wait an hour because Slack said so. */
    public static final Duration MAX_RETRY_AFTER = ChannelPause.MAX;
    /** Sends that may have been posted, at most: the original and one extra copy. */
    static final int MAX_UNCONFIRMED_SENDS = 2;
    /** Attempts per tick at most, so one tick stays short even with a large backlog. */
    static final int MAX_ATTEMPTS_PER_TICK = 200;
    /** History is read from a little before the first send, for clocks that disagree. */
    private static final Duration LOOKUP_MARGIN = Duration.ofMinutes(2);

    private final Store store;
    private final AlertChannel channel;
    private final Clock clock;
    private final Consumer<DeliveryEvent> listener;
    private final Backoff backoff;
    private final Duration uncertainBackoff;
    private final ChannelPause pause;
    private final OutboxSource outbox;
    private final boolean clustered;
    /** An attempt of this tick got no answer: the others would wait out the same read timeout. */
    private boolean unanswered;
    /** Held messages released and the stored pause read, once per process. */
    private boolean started;

    public OutboxDispatcher(Store store, AlertChannel channel, Clock clock, Consumer<DeliveryEvent> listener) {
        this(store, channel, clock, listener, Duration.ofSeconds(30));
    }

    /** uncertainBackoff: the wait after the first uncertain attempt (the channel's read timeout fits). */
    public OutboxDispatcher(Store store, AlertChannel channel, Clock clock, Consumer<DeliveryEvent> listener,
                            Duration uncertainBackoff) {
        this(store, channel, clock, listener, uncertainBackoff, ClaimPolicy.single());
    }

    /** As above; with {@link ClaimPolicy#cluster} the outbox is shared with the other nodes of a cluster. */
    public OutboxDispatcher(Store store, AlertChannel channel, Clock clock, Consumer<DeliveryEvent> listener,
                            Duration uncertainBackoff, ClaimPolicy claims) {
        this(store, channel, clock, listener, new Backoff(BACKOFF_BASE, BACKOFF_CAP, Backoff.randomJitter()),
                uncertainBackoff, claims);
    }

    OutboxDispatcher(Store store, AlertChannel channel, Clock clock, Consumer<DeliveryEvent> listener,
                     Backoff backoff) {
        this(store, channel, clock, listener, backoff, Duration.ofSeconds(30));
    }

    OutboxDispatcher(Store store, AlertChannel channel, Clock clock, Consumer<DeliveryEvent> listener,
                     Backoff backoff, Duration uncertainBackoff) {
        this(store, channel, clock, listener, backoff, uncertainBackoff, ClaimPolicy.single());
    }

    OutboxDispatcher(Store store, AlertChannel channel, Clock clock, Consumer<DeliveryEvent> listener,
                     Backoff backoff, Duration uncertainBackoff, ClaimPolicy claims) {
        this.store = Objects.requireNonNull(store, "store");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.backoff = backoff;
        this.uncertainBackoff = Objects.requireNonNull(uncertainBackoff, "uncertainBackoff");
        this.pause = new ChannelPause(store, channel.name());
        this.outbox = OutboxSource.of(store, clock, Objects.requireNonNull(claims, "claims"));
        this.clustered = claims.clustered();
    }

    /**
     * Attempts every due message, per identity strictly in order (each identity's next message
     * goes out in the same tick once the one before it is delivered or given up).
     *
     * @return how many messages were delivered in this tick
     */
    public synchronized int deliverDue() {
        if (!store.reachable()) {
            return 0;  // a store that is down reopens by itself (and says so in the log)
        }
        int delivered = 0;
        try {
            startOnce();
            if (clustered) {
                pause.follow(clock.instant());  // another node may have been asked to wait
            }
            if (paused()) {
                return 0;
            }
            unanswered = false;
            delivered = deliverRounds(new HashSet<>());
        } catch (RuntimeException e) {
            // a scheduled executor stops rescheduling a task that throws: report and try next tick
            LOG.error("outbox delivery via {} stopped for this tick: {}", channel.name(), e.getMessage());
        }
        return delivered;
    }

    /** At the first tick that reaches the store: held messages are due now, a stored pause is obeyed. */
    private void startOnce() {
        if (started) {
            return;
        }
        Instant now = clock.instant();
        int released = store.releaseHeld(now);
        if (released > 0) {
            LOG.info("{} message(s) held by a refused configuration are retried now via {}", released, channel.name());
        }
        pause.restore(now);
        started = true;
    }

    private int deliverRounds(Set<Long> attempted) {
        int delivered = 0;
        while (attempted.size() < MAX_ATTEMPTS_PER_TICK) {
            List<OutboxClaim> due = outbox.take(clock.instant(), MAX_ATTEMPTS_PER_TICK - attempted.size(),
                    channel.settingsFingerprint());
            try {
                due.removeIf(c -> attempted.contains(c.message().id()));  // a zero-wait retry waits for the next tick
                if (due.isEmpty()) {
                    break;
                }
                for (OutboxClaim claim : due) {
                    if (!store.canRecord()) {
                        return delivered;  // nothing goes out that could not be marked delivered
                    }
                    if (!outbox.hold(claim.message())) {
                        continue;  // its claim lapsed and another node has it now
                    }
                    attempted.add(claim.message().id());
                    Notification notification = readable(claim.message());
                    delivered += notification != null && attempt(claim, notification) ? 1 : 0;
                    if (paused() || unanswered) {
                        // posting on would run into the same rate limit, or wait out the same silence (and
                        // hold up a shutdown by one read timeout per message)
                        return delivered;
                    }
                }
            } finally {
                outbox.release();
            }
        }
        return delivered;
    }

    private boolean paused() {
        return pause.active(clock.instant());
    }

    /** Messages waiting to go out, due or backing off (held ones too). */
    public long pendingCount() {
        return store.pendingCount();
    }

    /** Messages held by a configuration the channel refused, waiting for it to be fixed. */
    public long heldCount() {
        return store.heldCount();
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

    private boolean attempt(OutboxClaim claim, Notification notification) {
        Instant now = clock.instant();
        OutboxMessage message = settleInterrupted(claim.message(), claim.takenFrom(), now);
        if (message == null) {
            return false;
        }
        Incident incident = store.incident(message.identity()).orElse(null);
        if (notification.onlyResolved() && incident == null) {
            neverAnnounced(message);
            return false;
        }
        if (message.uncertainAttempts() > 0) {
            Boolean settled = settleUncertain(message, notification, incident, claim.takenFrom());
            if (settled != null) {
                return settled;
            }
        }
        store.recordInFlight(message, now);
        DeliveryResult result = deliver(notification, incident == null ? null : incident.threadRef(),
                message.deliveryKey());
        return handle(message, notification, incident, result);
    }

    /**
     * A message whose last attempt was never recorded (the process died during it, or in cluster
     * mode the node {@code takenFrom} whose claim lapsed) counts that attempt as uncertain; returns
     * it as it now stands, or null when it must first wait.
     */
    private OutboxMessage settleInterrupted(OutboxMessage m, String takenFrom, Instant now) {
        if (m.inFlightAt() == null) {
            return m;
        }
        int uncertain = m.uncertainAttempts() + 1;
        Instant next = m.inFlightAt().plus(uncertainDelay(uncertain));
        String who = takenFrom == null ? "the agent" : "node " + takenFrom;
        store.recordUncertain(m, next, who + " stopped during this attempt; it may have been posted");
        listener.accept(new DeliveryEvent(channel.name(), DeliveryEvent.UNCERTAIN));
        LOG.warn("alert for {} via {} was being sent when {} stopped and may have been posted; looking for "
                + "it or sending it again at {}{}", m.identity(), channel.name(), who, next, takenFrom == null ? ""
                : " (taken over after its claim lapsed; a channel that cannot look, a webhook, sends it again: at "
                + "least once, so it may be posted twice)");
        OutboxMessage settled = new OutboxMessage(m.id(), m.identity(), m.payload(), m.attempts() + 1, uncertain,
                null, m.firstSentAt() != null ? m.firstSentAt() : m.inFlightAt());
        return next.isAfter(now) ? null : settled;
    }

    /**
     * Before sending again what may already be posted: a post found is delivered; one the channel
     * does not have is sent; when nobody can tell, it is sent once more at most. Null = send.
     */
    private Boolean settleUncertain(OutboxMessage message, Notification notification, Incident incident,
                                    String takenFrom) {
        Instant since = (message.firstSentAt() != null ? message.firstSentAt() : clock.instant()).minus(LOOKUP_MARGIN);
        Lookup lookup = channel.find(message.deliveryKey(), incident == null ? null : incident.threadRef(), since);
        switch (lookup.state()) {
            case FOUND -> {
                LOG.info("alert for {} was posted by an attempt that got no answer; not sending it again",
                        message.identity());
                delivered(message, notification, DeliveryResult.delivered(lookup.messageRef()), incident);
                return true;
            }
            case ABSENT -> {
                return null;
            }
            default -> {
                if (message.uncertainAttempts() < MAX_UNCONFIRMED_SENDS) {
                    if (takenFrom != null) {
                        LOG.warn("alert for {} taken over from node {}: {} cannot tell whether that node posted it ({}); "
                                + "sending it again, so it may be posted twice (at least once for this channel)",
                                message.identity(), takenFrom, channel.name(), lookup.error());
                    }
                    return null;
                }
                unconfirmed(message, notification, incident, lookup.error());
                return false;
            }
        }
    }

    private boolean handle(OutboxMessage message, Notification notification, Incident incident,
                           DeliveryResult result) {
        switch (result.outcome()) {
            case DELIVERED -> {
                delivered(message, notification, result, incident);
                return true;
            }
            case RETRY -> retry(message, result);
            case UNCERTAIN -> uncertain(message, result);
            case HELD -> held(message, result);
            case PERMANENT -> permanent(message, result);
            default -> throw new IllegalStateException("unknown outcome " + result.outcome());
        }
        return false;
    }

    /** Channels should not throw; if one does, the message is retried rather than lost. */
    private DeliveryResult deliver(Notification notification, String threadRef, String key) {
        try {
            return channel.deliver(notification, threadRef, key);
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

    /** Two sends went unanswered and nobody can say whether they were posted: a third could be a second copy. */
    private void unconfirmed(OutboxMessage message, Notification n, Incident incident, String why) {
        store.recordDelivered(message, null, clock.instant(), incidentChange(n, incident));
        listener.accept(new DeliveryEvent(channel.name(), DeliveryEvent.UNCONFIRMED));
        LOG.warn("alert for {} was sent {} times via {} without an answer ({}); not sending it again, so it is "
                        + "posted at most twice: check the channel", message.identity(), message.uncertainAttempts(),
                channel.name(), why);
    }

    /** A resolution whose firing message never went out: sent alone it would be the first word about it. */
    private void neverAnnounced(OutboxMessage message) {
        store.recordUnreadable(message, "not sent: the incident it resolves was never announced "
                + "(its firing message was set aside)");
        LOG.warn("resolution for {} not sent: its firing message was never delivered, and a resolution must not "
                + "be the first word about an incident", message.identity());
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
        Duration asked = pause.capped(result.retryAfter());
        Duration wait = backoff.delay(message.attempts() + 1, asked);
        store.recordRetry(message, now.plus(wait), result.error());
        listener.accept(new DeliveryEvent(channel.name(), DeliveryEvent.RETRY));
        LOG.debug("alert for {} via {} will be retried in {}: {}", message.identity(), channel.name(), wait,
                result.error());
        pause.start(now, asked);
    }

    private void uncertain(OutboxMessage message, DeliveryResult result) {
        unanswered = true;
        int uncertain = message.uncertainAttempts() + 1;
        Duration wait = uncertainDelay(uncertain);
        store.recordUncertain(message, clock.instant().plus(wait), result.error());
        listener.accept(new DeliveryEvent(channel.name(), DeliveryEvent.UNCERTAIN));
        LOG.warn("alert for {} via {} got no answer and may have been posted; {} in {}: {}", message.identity(),
                channel.name(), uncertain < MAX_UNCONFIRMED_SENDS ? "looking for it or sending it again"
                        : "looking for it", wait, result.error());
    }

    private void held(OutboxMessage message, DeliveryResult result) {
        Duration wait = heldDelay(message.attempts() + 1);
        store.recordHeld(message, clock.instant().plus(wait), result.error(), channel.settingsFingerprint());
        listener.accept(new DeliveryEvent(channel.name(), DeliveryEvent.HELD));
        LOG.error("alert for {} via {} is refused as configured ({}); it is kept and retried in {}, at once after "
                        + "a restart or when the channel's settings change: fix the settings",
                message.identity(), channel.name(), result.error(), wait);
    }

    private void permanent(OutboxMessage message, DeliveryResult result) {
        store.recordPermanent(message, result.error());
        listener.accept(new DeliveryEvent(channel.name(), DeliveryEvent.PERMANENT));
        LOG.error("alert for {} via {} was refused for its content ({}); kept in the outbox as 'permanent', "
                + "later alerts still go out", message.identity(), channel.name(), result.error());
    }

    /** Gives up this node's claims (cluster mode) and stops renewing them. */
    @Override
    public void close() {
        outbox.close();
    }

    /** uncertainBackoff doubled per uncertain attempt after the first, up to an hour; no jitter (one message). */
    Duration uncertainDelay(int uncertainAttempts) {
        return Backoff.doubled(uncertainBackoff, uncertainAttempts, UNCERTAIN_BACKOFF_CAP);
    }

    static Duration heldDelay(int attempts) {
        return Backoff.doubled(HELD_BACKOFF_BASE, attempts, HELD_BACKOFF_CAP);
    }
}
