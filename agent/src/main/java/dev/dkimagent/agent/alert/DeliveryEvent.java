package dev.dkimagent.agent.alert;

import java.util.List;

/**
 * One delivery attempt, for metrics.
 *
 * @param channel the channel's {@link AlertChannel#name()}
 * @param outcome {@code delivered}, {@code retry}, {@code uncertain}, {@code held},
 *                {@code unconfirmed} or {@code permanent}
 */
public record DeliveryEvent(String channel, String outcome) {

    public static final String DELIVERED = "delivered";
    public static final String RETRY = "retry";
    /** The attempt may have been taken (no answer): the message is looked for or sent again later. */
    public static final String UNCERTAIN = "uncertain";
    /** Refused as configured (404/410, invalid_auth, channel_not_found): kept and retried. */
    public static final String HELD = "held";
    /** Sent twice with no answer and not found: not sent a third time, counted as delivered. */
    public static final String UNCONFIRMED = "unconfirmed";
    /** Slack refused the message itself: it is set aside. */
    public static final String PERMANENT = "permanent";
    /** Every outcome, so metrics can start each counter at 0. */
    public static final List<String> OUTCOMES = List.of(DELIVERED, RETRY, UNCERTAIN, HELD, UNCONFIRMED, PERMANENT);
}
