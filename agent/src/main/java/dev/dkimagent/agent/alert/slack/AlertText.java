package dev.dkimagent.agent.alert.slack;

import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.Notification;
import dev.dkimagent.agent.alert.SesLine;
import java.util.List;

/**
 * A notification as readable multi-line plain text, with the same content as the Slack message,
 * for the log. Values from DNS and SES lose their control characters, so a record cannot forge
 * extra log lines.
 */
public final class AlertText {

    private static final String INDENT = "    ";

    private AlertText() {
    }

    /** The whole notification: headline, SES status, then the new, still failing and resolved findings. */
    public static String render(Notification notification) {
        StringBuilder text = new StringBuilder(headline(notification));
        for (SesLine ses : notification.ses()) {
            text.append('\n').append(ses(ses, notification));
        }
        group(text, "New", notification.firing(), false);
        group(text, "Still failing", notification.reminders(), false);
        group(text, "Resolved", notification.resolved(), true);
        return text.toString();
    }

    /** "[ERROR] example.com: 2 errors, 1 warning" or "[RESOLVED] example.com: resolved". */
    public static String headline(Notification notification) {
        String level = notification.worstSeverity() == null ? "RESOLVED" : notification.worstSeverity().name();
        return "[" + level + "] " + clean(notification.identity()) + ": " + Headline.summary(notification);
    }

    private static String ses(SesLine ses, Notification notification) {
        String deadline = ses.deadline() == null ? ""
                : ", signing likely revoked by " + When.utc(ses.deadline())
                        + " (" + When.relative(ses.deadline(), notification.at()) + ")";
        return "SES account " + clean(ses.account()) + ses.accountNote() + ", region " + clean(ses.region())
                + ": status " + clean(ses.status()) + deadline;
    }

    private static void group(StringBuilder text, String title, List<AlertLine> lines, boolean resolved) {
        if (lines.isEmpty()) {
            return;
        }
        text.append('\n').append(title).append(" (").append(lines.size()).append("):");
        lines.forEach(line -> finding(text, line, resolved));
    }

    private static void finding(StringBuilder text, AlertLine line, boolean resolved) {
        String label = resolved ? "resolved" : line.severity() == null ? "finding" : line.severity().label();
        text.append("\n  - ").append(label).append(' ').append(clean(line.rule())).append('/').append(clean(line.tag()));
        optional(text, " selector ", line.selector());
        optional(text, " on ", line.nameserver());
        if (SlackSettings.present(line.address()) && !line.address().equals(line.nameserver())) {
            text.append(" (").append(clean(line.address())).append(')');
        }
        optional(text, "\n" + INDENT, line.message());
        if (!resolved) {
            optional(text, "\n" + INDENT + "fix: ", line.remediation());
            optional(text, "\n" + INDENT + "dig: ", line.dig());
        }
    }

    private static void optional(StringBuilder text, String label, String value) {
        if (SlackSettings.present(value)) {
            text.append(label).append(clean(value));
        }
    }

    /** Control characters (CR, LF, ESC ...) and Unicode line separators become spaces. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder(value.length());
        value.codePoints().forEach(c -> cleaned.appendCodePoint(
                Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c));
        return cleaned.toString();
    }
}
