package dev.dkimagent.agent.config;

import com.typesafe.config.Config;
import dev.dkimagent.rules.Severity;

import java.time.Duration;

/** Reads {@code dkim-agent.alerting}; {@link SlackReader} reads its {@code slack}. */
final class AlertingReader {
    static final String PATH = "dkim-agent.alerting";
    private static final String SEVERITIES = "critical, error, warning or info";

    private AlertingReader() {
    }

    /** The alerting settings, or null when the section is not an object (a problem is then reported). */
    static AlertingSettings read(Node alerting, Config reference) {
        if (!alerting.requireObject("an object with the alerting settings")) {
            return null;
        }
        KnownKeys.check(alerting, reference.getObject(PATH).keySet());
        int firingAfter = alerting.child("firing-after").intAtLeast(1).orElse(0);
        int resolveAfter = alerting.child("resolve-after").intAtLeast(1).orElse(0);
        Duration repeat = alerting.child("repeat-interval").positiveDuration().orElse(null);
        Severity minSeverity = severity(alerting.child("min-severity"));
        SlackSettingsConfig slack = SlackReader.read(alerting.child("slack"), reference);
        return new AlertingSettings(firingAfter, resolveAfter, repeat, minSeverity, slack);
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
