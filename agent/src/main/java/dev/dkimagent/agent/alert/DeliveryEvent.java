package dev.dkimagent.agent.alert;

/**
 * One delivery attempt, for metrics.
 *
 * @param channel the channel's {@link AlertChannel#name()}
 * @param outcome {@code delivered}, {@code retry} or {@code permanent}
 */
public record DeliveryEvent(String channel, String outcome) {

    public static final String DELIVERED = "delivered";
    public static final String RETRY = "retry";
    public static final String PERMANENT = "permanent";
}
