package dev.dkimagent.agent.config;

import dev.dkimagent.rules.Severity;

import java.time.Duration;

/**
 * {@code dkim-agent.alerting}: when a finding notifies, and where.
 *
 * @param firingAfter    consecutive sweeps with the finding before it fires
 * @param resolveAfter   consecutive clean sweeps before it is resolved
 * @param repeatInterval reminder interval while firing
 * @param minSeverity    only findings at or above notify (all are in the metrics)
 * @param slack          the Slack destination
 */
public record AlertingSettings(int firingAfter, int resolveAfter, Duration repeatInterval, Severity minSeverity,
                               SlackSettingsConfig slack) {
}
