package dev.dkimagent.agent.config;

import java.time.Duration;

/**
 * {@code dkim-agent.schedule}: how often the daemon works.
 *
 * @param dnsInterval between DNS sweeps
 * @param sesInterval between SES inventory scans
 */
public record ScheduleSettings(Duration dnsInterval, Duration sesInterval) {
}
