package dev.dkimagent.agent.alert.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.SesLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The SES line names the account and the region as such, and says what the account "default" is. */
class SesAccountNamingTest {
    private static final Instant AT = Instant.parse("2026-11-03T10:00:00Z");

    @Test
    void defaultAccount_isExplainedAsTheAgentsOwnCredentials() {
        SesLine ses = new SesLine("default", "us-east-1", "TEMPORARY_FAILURE", null);

        assertThat(SlackLines.ses(ses, AT)).isEqualTo(
                "*SES* account `default` (the agent's own AWS credentials), region `us-east-1`: status `TEMPORARY_FAILURE`");
        assertThat(ses.accountNote()).isEqualTo(" (the agent's own AWS credentials)");
    }

    @Test
    void namedAccount_isShownAsConfigured() {
        SesLine ses = new SesLine("prod", "eu-west-1", "FAILED", null);

        assertThat(SlackLines.ses(ses, AT)).isEqualTo("*SES* account `prod`, region `eu-west-1`: status `FAILED`");
        assertThat(ses.accountNote()).isEmpty();
    }
}
