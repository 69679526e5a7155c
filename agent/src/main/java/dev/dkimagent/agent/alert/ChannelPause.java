package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.Store;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wait a channel asked for (429 Retry-After): nothing goes out through it before the wait is
 * over. Capped at {@link #MAX}, with a warning, so a huge Retry-After cannot hold alerts for an
 * hour; stored, so a restart keeps to it.
 */
final class ChannelPause {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelPause.class);
    /** The longest pause obeyed. */
    static final Duration MAX = Duration.ofMinutes(5);

    private final Store store;
    private final String channel;
    /** No attempt before this instant; null = no pause. */
    private Instant until;

    ChannelPause(Store store, String channel) {
        this.store = store;
        this.channel = channel;
    }

    /** Takes over a pause stored before a restart (never longer than MAX from now). */
    void restore(Instant now) {
        store.channelPause(channel).filter(now::isBefore).ifPresent(stored -> {
            Instant latest = now.plus(MAX);
            until = stored.isBefore(latest) ? stored : latest;
            LOG.info("{} asked to wait before this restart: no alert goes out through it before {}", channel, until);
        });
    }

    /** Cluster mode: takes up a pause another node stored since (never longer than MAX from now), quietly. */
    void follow(Instant now) {
        store.channelPause(channel).filter(now::isBefore).ifPresent(stored -> {
            Instant latest = now.plus(MAX);
            Instant obeyed = stored.isBefore(latest) ? stored : latest;
            if (until == null || obeyed.isAfter(until)) {
                until = obeyed;
            }
        });
    }

    boolean active(Instant now) {
        return until != null && now.isBefore(until);
    }

    /** The Retry-After obeyed: at most MAX, with a warning when the channel asked for more. */
    Duration capped(Duration retryAfter) {
        if (retryAfter == null || retryAfter.compareTo(MAX) <= 0) {
            return retryAfter;
        }
        LOG.warn("{} asked to wait {} (Retry-After); waiting {} at most, so alerts are not held that long",
                channel, retryAfter, MAX);
        return MAX;
    }

    /** A positive wait holds back the whole channel, across restarts; zero or none only the message. */
    void start(Instant now, Duration wait) {
        if (wait == null || wait.isZero() || wait.isNegative()) {
            return;
        }
        until = now.plus(wait);
        store.recordChannelPause(channel, until);
        LOG.info("{} asked to wait {}: no alert goes out through it before {}", channel, wait, until);
    }
}
