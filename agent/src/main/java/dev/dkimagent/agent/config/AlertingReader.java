package dev.dkimagent.agent.config;

import com.typesafe.config.Config;
import dev.dkimagent.agent.alert.AlertPolicy;
import dev.dkimagent.agent.alert.slack.SlackSettings;
import dev.dkimagent.rules.Severity;

import java.time.Duration;
import java.util.Optional;

/** Reads {@code dkim-agent.alerting}; {@link SlackReader} reads its {@code slack}. */
final class AlertingReader {
    static final String PATH = "dkim-agent.alerting";
    private static final String SEVERITIES = "critical, error, warning or info";

    private AlertingReader() {
    }

    /** The alerting settings, or null when the section or a value is invalid (a problem is then reported). */
    static AlertingSettings read(Node alerting, Config reference) {
        if (!alerting.requireObject("an object with the alerting settings")) {
            return null;
        }
        KnownKeys.check(alerting, reference.getObject(PATH).keySet());
        Optional<Integer> firingAfter = alerting.child("firing-after").intAtLeast(1);
        Optional<Integer> resolveAfter = alerting.child("resolve-after").intAtLeast(1);
        Optional<Duration> repeat = alerting.child("repeat-interval").positiveDuration();
        Severity minSeverity = severity(alerting.child("min-severity"));
        SlackSettings slack = SlackReader.read(alerting.child("slack"), reference);
        if (firingAfter.isEmpty() || resolveAfter.isEmpty() || repeat.isEmpty() || minSeverity == null) {
            return null; // each problem is reported; the loader throws them all
        }
        return new AlertingSettings(new AlertPolicy(firingAfter.get(), resolveAfter.get(), repeat.get(), minSeverity),
                slack);
    }

    private static Severity severity(Node node) {
        return node.string(SEVERITIES).map(text -> {
            try {
                return Severity.parse(text);
            } catch (IllegalArgumentException e) {
                node.problem("expected " + SEVERITIES + ", got " + node.describe());
                return null;
            }
        }).orElse(null);
    }
}
