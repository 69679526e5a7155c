package dev.dkimagent.rules;

import java.time.Duration;

/** The thresholds rules judge against ({@code dkim-agent.rules}). */
public record RuleSettings(Duration ttlMin, Duration ttlMax, long serialTolerance, Duration negativeTtlMax) {

    public static RuleSettings defaults() {
        return new RuleSettings(Duration.ofMinutes(5), Duration.ofDays(1), 0, Duration.ofHours(1));
    }
}
