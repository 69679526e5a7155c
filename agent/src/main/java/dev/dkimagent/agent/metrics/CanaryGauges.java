package dev.dkimagent.agent.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Gauge;
import java.time.Duration;
import java.time.Instant;

/**
 * The canary's series, registered only when the canary is enabled (an agent without it shows no
 * canary series). Labels: the identity only.
 */
public final class CanaryGauges {
    public static final String LAST_SUCCESS = "dkim_canary_last_success_timestamp_seconds";
    public static final String ROUND_TRIP = "dkim_canary_round_trip_seconds";

    private final Gauge lastSuccess;
    private final Gauge roundTrip;

    public CanaryGauges(CollectorRegistry registry) {
        lastSuccess = Gauge.build(LAST_SUCCESS, "When a canary message of the identity last arrived signed and"
                + " verified on every nameserver, as Unix time.").labelNames("identity").register(registry);
        roundTrip = Gauge.build(ROUND_TRIP, "Seconds from SendEmail to the canary message found in the mailbox,"
                + " last delivered round.").labelNames("identity").register(registry);
    }

    /** A delivered round: its round trip; and, when it proved the mail signed, the time of that success. */
    public void delivered(String identity, Duration took, boolean proven, Instant at) {
        roundTrip.labels(identity).set(took.toMillis() / 1000.0);
        if (proven) {
            lastSuccess.labels(identity).set(at.toEpochMilli() / 1000.0);
        }
    }
}
