package dev.dkimagent.agent.alert;

import java.time.Instant;

/**
 * Where notifications go: Slack (webhook or bot) or the log. Implementations never throw for
 * delivery problems; they return a {@link DeliveryResult}.
 */
public interface AlertChannel {

    /** A stable name for metrics: {@code slack_webhook}, {@code slack_bot}, {@code log}. */
    String name();

    /**
     * Delivers one notification.
     *
     * @param notification what to say
     * @param threadRef    the channel's id of the message that opened this identity's incident, to
     *                     reply under (bot token only); null when none is open
     */
    DeliveryResult deliver(Notification notification, String threadRef);

    /**
     * As {@link #deliver(Notification, String)}, tagging the post with {@code messageKey} where
     * the channel can (bot token: message metadata), so {@link #find} can look for it later.
     */
    default DeliveryResult deliver(Notification notification, String threadRef, String messageKey) {
        return deliver(notification, threadRef);
    }

    /**
     * Looks for a post tagged {@code messageKey} made at or after {@code since}: asked before a
     * message whose earlier attempt was uncertain is sent again. UNKNOWN when the channel cannot look.
     */
    default Lookup find(String messageKey, Instant since) {
        return Lookup.unknown(name() + " cannot look for earlier posts");
    }

    /**
     * As {@link #find(String, Instant)} for a post that replied under {@code threadRef} (null when
     * it opened no thread): a thread's replies are not in the channel's history, only in the thread.
     */
    default Lookup find(String messageKey, String threadRef, Instant since) {
        return find(messageKey, since);
    }

    /**
     * A short fingerprint of the settings that decide where posts go (no secret in it): a message
     * held by a configuration error is retried at once when this changes.
     */
    default String settingsFingerprint() {
        return name();
    }

    /**
     * Marks the message that opened an incident as resolved (bot token: chat.update). Channels
     * that cannot edit messages return DELIVERED without doing anything.
     */
    DeliveryResult markResolved(Notification resolution, String threadRef);
}
