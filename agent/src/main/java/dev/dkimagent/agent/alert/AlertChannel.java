package dev.dkimagent.agent.alert;

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
     * Marks the message that opened an incident as resolved (bot token: chat.update). Channels
     * that cannot edit messages return DELIVERED without doing anything.
     */
    DeliveryResult markResolved(Notification resolution, String threadRef);
}
