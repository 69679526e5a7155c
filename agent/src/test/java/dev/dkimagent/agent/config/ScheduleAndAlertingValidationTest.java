package dev.dkimagent.agent.config;

import dev.dkimagent.rules.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleAndAlertingValidationTest {

    @Test
    void schedule_tenSeconds_isTheShortestInterval() throws ConfigException {
        assertThat(ConfigFixtures.load("dkim-agent.schedule { dns-interval = 10s, ses-interval = 10s }").schedule())
                .isEqualTo(new ScheduleSettings(Duration.ofSeconds(10), Duration.ofSeconds(10)));
    }

    @Test
    void schedule_shorterThanTenSecondsOrNotADuration_isRejected() {
        assertThat(problems("""
                dkim-agent.schedule {
                  dns-interval = 9s
                  ses-interval = often
                  sweep-interval = 1m
                }
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.schedule.dns-interval: expected a duration >= 10s, got '9s'",
                "dkim-agent.conf: 3: dkim-agent.schedule.ses-interval: expected a duration such as 500ms, 2s, 5m"
                        + " or 1d, got 'often'",
                "dkim-agent.conf: 4: dkim-agent.schedule.sweep-interval: unknown key, expected one of"
                        + " dns-interval, ses-interval, soa-interval");
    }

    @Test
    void alerting_countsBelowOneAndZeroRepeat_areRejected() {
        assertThat(problems("""
                dkim-agent.alerting {
                  firing-after = 0
                  resolve-after = 1.5
                  repeat-interval = 0s
                }
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.alerting.firing-after: expected an integer >= 1, got '0'",
                "dkim-agent.conf: 3: dkim-agent.alerting.resolve-after: expected an integer >= 1, got '1.5'",
                "dkim-agent.conf: 4: dkim-agent.alerting.repeat-interval: expected a duration > 0, got '0s'");
    }

    @Test
    void minSeverity_anyCase_isParsed() throws ConfigException {
        assertThat(ConfigFixtures.load("dkim-agent.alerting.min-severity = CRITICAL").alerting().policy().minSeverity())
                .isEqualTo(Severity.CRITICAL);
        assertThat(ConfigFixtures.load("dkim-agent.alerting.min-severity = info").alerting().policy().minSeverity())
                .isEqualTo(Severity.INFO);
    }

    @Test
    void minSeverity_unknown_listsTheAcceptedOnes() {
        assertThat(problems("dkim-agent.alerting.min-severity = loud")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.alerting.min-severity: expected critical, error, warning or info,"
                        + " got 'loud'");
    }

    @Test
    void alerting_typo_isRejectedWithASuggestion() {
        assertThat(problems("dkim-agent.alerting.fireing-after = 3")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.alerting.fireing-after: unknown key, did you mean 'firing-after'?");
    }
}
