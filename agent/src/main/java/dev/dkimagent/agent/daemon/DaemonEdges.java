package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.alert.AlertChannel;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Edges a caller supplies instead of the ones the settings imply; the demo uses both (console
 * alerts, the SES stub's static credentials). Null means "as the settings say".
 *
 * @param alerts         where notifications go; null = Slack or the log, from {@code alerting.slack}
 * @param sesCredentials the base SES credentials; null = the default chain (env, profile, instance role)
 */
public record DaemonEdges(AlertChannel alerts, AwsCredentialsProvider sesCredentials) {

    /** Everything from the settings: what {@code dkim-agent run} uses. */
    public static DaemonEdges fromSettings() {
        return new DaemonEdges(null, null);
    }
}
