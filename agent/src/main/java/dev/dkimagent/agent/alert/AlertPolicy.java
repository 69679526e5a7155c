package dev.dkimagent.agent.alert;

import dev.dkimagent.rules.Severity;
import java.time.Duration;
import java.util.Objects;

/**
 * When findings start and stop alerting ({@code dkim-agent.alerting.*}).
 *
 * @param firingAfter    consecutive sweeps a finding must be seen before it fires (at least 1)
 * @param resolveAfter   consecutive clean sweeps before a firing finding is resolved (at least 1)
 * @param repeatInterval how often a reminder is sent while a finding keeps firing
 * @param minSeverity    findings milder than this are tracked but never notify
 */
public record AlertPolicy(int firingAfter, int resolveAfter, Duration repeatInterval, Severity minSeverity) {

    public AlertPolicy {
        if (firingAfter < 1 || resolveAfter < 1) {
            throw new IllegalArgumentException("firing-after and resolve-after must be at least 1, got "
                    + firingAfter + " and " + resolveAfter);
        }
        Objects.requireNonNull(repeatInterval, "repeatInterval");
        Objects.requireNonNull(minSeverity, "minSeverity");
        if (repeatInterval.isNegative() || repeatInterval.isZero()) {
            throw new IllegalArgumentException("repeat-interval must be positive, got " + repeatInterval);
        }
    }

    /** firing-after 2, resolve-after 1, repeat-interval 24h, min-severity warning. */
    public static AlertPolicy defaults() {
        return new AlertPolicy(2, 1, Duration.ofHours(24), Severity.WARNING);
    }
}
