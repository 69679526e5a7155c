package dev.dkimagent.agent.alert.slack;

import dev.dkimagent.agent.alert.Notification;
import dev.dkimagent.rules.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one-line summary of a notification, shared by the Slack and the plain-text renderers. */
public final class Headline {

    private Headline() {
    }

    /** "2 errors, 1 warning" for what is firing, worst first; "resolved" when only resolutions. */
    public static String summary(Notification notification) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        notification.firing().forEach(line -> counts.merge(line.severity(), 1, Integer::sum));
        notification.reminders().forEach(line -> counts.merge(line.severity(), 1, Integer::sum));
        if (counts.isEmpty()) {
            return notification.resolved().isEmpty() ? "no findings" : "resolved";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((severity, count) -> parts.add(count + " " + noun(severity, count)));
        return String.join(", ", parts);
    }

    /** The Slack emoji for the worst severity; a check mark when nothing fires. */
    public static String emoji(Severity worst) {
        if (worst == null) {
            return ":white_check_mark:";
        }
        return switch (worst) {
            case CRITICAL -> ":rotating_light:";
            case ERROR -> ":red_circle:";
            case WARNING -> ":warning:";
            case INFO -> ":information_source:";
        };
    }

    private static String noun(Severity severity, int count) {
        return switch (severity) {
            case CRITICAL -> "critical";
            case INFO -> "info";
            case ERROR -> count == 1 ? "error" : "errors";
            case WARNING -> count == 1 ? "warning" : "warnings";
        };
    }
}
