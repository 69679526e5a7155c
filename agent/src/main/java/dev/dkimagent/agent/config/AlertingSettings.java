package dev.dkimagent.agent.config;

import dev.dkimagent.agent.alert.AlertPolicy;
import dev.dkimagent.agent.alert.slack.SlackSettings;

/**
 * {@code dkim-agent.alerting}: when a finding notifies, and where. Both parts are the types their
 * users take (the lifecycle, the Slack channels): one type per concept, no copies.
 *
 * @param policy firing-after, resolve-after, repeat-interval, min-severity
 * @param slack  the Slack destination
 */
public record AlertingSettings(AlertPolicy policy, SlackSettings slack) {
}
