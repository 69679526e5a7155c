package dev.dkimagent.agent.alert;

import java.util.List;

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
    /** Every outcome, so metrics can start each counter at 0. */
    public static final List<String> OUTCOMES = List.of(DELIVERED, RETRY, PERMANENT);
}
