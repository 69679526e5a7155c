package dev.dkimagent.agent.alert;

import java.time.Duration;

/**
 * How one delivery attempt ended.
 *
 * @param outcome    what to do next with the message
 * @param messageRef the channel's id of the posted message (Slack {@code ts}), for threads and updates; may be null
 * @param retryAfter the wait the channel asked for (429 Retry-After), or null
 * @param error      a short reason for failures, never containing a secret
 */
public record DeliveryResult(Outcome outcome, String messageRef, Duration retryAfter, String error) {

    public enum Outcome {
        /** Taken by the channel: never send again. */
        DELIVERED,
        /** Not taken (429, 5xx, connection refused): try again later, with backoff or after retryAfter. */
        RETRY,
        /**
         * Maybe taken: the request went out and no answer came back (read timeout, connection
         * reset). Look for it before sending again, or send again with a long backoff.
         */
        UNCERTAIN,
        /**
         * Refused as configured (404/410 webhook, invalid_auth, channel_not_found): kept pending
         * with a long backoff, retried at once after a restart or a settings change.
         */
        HELD,
        /** Slack refused the message itself (invalid payload): sending it again cannot help. */
        PERMANENT
    }

    public static DeliveryResult delivered(String messageRef) {
        return new DeliveryResult(Outcome.DELIVERED, messageRef, null, null);
    }

    public static DeliveryResult retry(Duration retryAfter, String error) {
        return new DeliveryResult(Outcome.RETRY, null, retryAfter, error);
    }

    public static DeliveryResult uncertain(String error) {
        return new DeliveryResult(Outcome.UNCERTAIN, null, null, error);
    }

    public static DeliveryResult held(String error) {
        return new DeliveryResult(Outcome.HELD, null, null, error);
    }

    public static DeliveryResult permanent(String error) {
        return new DeliveryResult(Outcome.PERMANENT, null, null, error);
    }
}
