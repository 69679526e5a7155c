package dev.dkimagent.agent.config;

import dev.dkimagent.rules.Severity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

class RulesValidationTest {

    @Test
    void ttl_minAboveMax_blamesTheValueTheUserWrote() {
        assertThat(problems("dkim-agent.rules.ttl.min = 2d")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.rules.ttl.min: expected ttl.min <= ttl.max, got min '2d'"
                        + " > max '1d'");
        assertThat(problems("dkim-agent.rules.ttl.max = 1m")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.rules.ttl.max: expected ttl.min <= ttl.max, got min '5m'"
                        + " > max '1m'");
    }

    @Test
    void thresholds_negativeOrNotDurations_areRejected() {
        assertThat(problems("""
                dkim-agent.rules {
                  ttl.min = -1s
                  serial-tolerance = -1
                  negative-ttl-max = 1 parsec
                }
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.rules.ttl.min: expected a duration >= 0, got '-1s'",
                "dkim-agent.conf: 3: dkim-agent.rules.serial-tolerance: expected an integer >= 0, got '-1'",
                "dkim-agent.conf: 4: dkim-agent.rules.negative-ttl-max: expected a duration such as 500ms, 2s,"
                        + " 5m or 1d, got '1 parsec'");
    }

    @Test
    void levels_quotedKnownCodes_mapToSeverities() throws ConfigException {
        Map<String, Severity> levels = ConfigFixtures.load("""
                dkim-agent.rules.levels { "DKIM01.RECORD_MISSING" = critical, "DKIM01.WRONG_TARGET" = INFO }
                """).levels();

        assertThat(levels).containsOnly(Map.entry("DKIM01.RECORD_MISSING", Severity.CRITICAL),
                Map.entry("DKIM01.WRONG_TARGET", Severity.INFO));
    }

    @Test
    void levels_unquotedKey_saysHowToQuoteIt() {
        assertThat(problems("dkim-agent.rules.levels { DKIM01.RECORD_MISSING = warning }")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.rules.levels.DKIM01.RECORD_MISSING: a levels key must be quoted,"
                        + " because an unquoted dot splits it: write \"DKIM01.RECORD_MISSING\" = warning");
    }

    @Test
    void levels_unknownCodes_areRejectedWithASuggestionWhenClose() {
        assertThat(problems("""
                dkim-agent.rules.levels {
                  "DKIM01.RECORD_MISING" = critical
                  "NS99.WHATEVER" = critical
                }
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.rules.levels.\"DKIM01.RECORD_MISING\": unknown rule code"
                        + " 'DKIM01.RECORD_MISING', did you mean 'DKIM01.RECORD_MISSING'?",
                "dkim-agent.conf: 3: dkim-agent.rules.levels.\"NS99.WHATEVER\": unknown rule code 'NS99.WHATEVER'"
                        + " (expected \"RULE.TAG\"; `dkim-agent rules` lists them)");
    }

    @Test
    void levels_unknownSeverity_listsTheAcceptedOnes() {
        assertThat(problems("dkim-agent.rules.levels { \"DKIM01.RECORD_MISSING\" = fatal }")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.rules.levels.\"DKIM01.RECORD_MISSING\": expected critical, error,"
                        + " warning or info, got 'fatal'");
    }
}
