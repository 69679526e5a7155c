package dev.dkimagent.agent.alert.slack;

import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.SesLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One finding or SES status as mrkdwn. Every value from DNS or SES goes through {@link Mrkdwn}
 * (identifiers and commands as code, prose as escaped text) after {@link Clip}, so one line stays
 * far below Slack's 3000 characters per section.
 */
final class SlackLines {

    static final int MESSAGE_MAX = 400;
    static final int REMEDIATION_MAX = 600;
    static final int DIG_MAX = 300;
    static final int NAME_MAX = 120;

    private SlackLines() {
    }

    /** A firing or reminded finding: what, where, why, the fix and the dig command. */
    static String finding(AlertLine line) {
        StringBuilder text = new StringBuilder()
                .append(Headline.emoji(line.severity())).append(" *").append(severityLabel(line)).append("* ")
                .append(where(line));
        appendProse(text, "", line.message(), MESSAGE_MAX);
        appendProse(text, "*Fix:* ", line.remediation(), REMEDIATION_MAX);
        if (SlackSettings.present(line.dig())) {
            text.append('\n').append(Mrkdwn.codeBlock(Clip.to(line.dig(), DIG_MAX)));
        }
        return text.toString();
    }

    /** A finding that is clean again: marked, without fix or command. */
    static String resolved(AlertLine line) {
        StringBuilder text = new StringBuilder(":white_check_mark: *resolved* ").append(where(line));
        appendProse(text, "", line.message(), MESSAGE_MAX);
        return text.toString();
    }

    /** "*SES* account `prod`, region `eu-west-1`: status `TEMPORARY_FAILURE`, signing likely revoked by ...". */
    static String ses(SesLine ses, Instant at) {
        StringBuilder text = new StringBuilder("*SES* account ").append(code(ses.account())).append(ses.accountNote())
                .append(", region ").append(code(ses.region()))
                .append(": status ").append(code(ses.status()));
        if (ses.deadline() != null) {
            text.append(", signing likely revoked by *").append(When.utc(ses.deadline())).append("* (")
                    .append(When.relative(ses.deadline(), at)).append(')');
        }
        return text.toString();
    }

    private static String where(AlertLine line) {
        List<String> parts = new ArrayList<>();
        parts.add(joined(List.of(code(line.rule()), code(line.tag())), " "));
        if (SlackSettings.present(line.selector())) {
            parts.add("selector " + code(line.selector()));
        }
        if (SlackSettings.present(line.nameserver())) {
            boolean addressDiffers = SlackSettings.present(line.address()) && !line.address().equals(line.nameserver());
            String address = addressDiffers ? " (" + code(line.address()) + ")" : "";
            parts.add("on " + code(line.nameserver()) + address);
        } else if (SlackSettings.present(line.address())) {
            parts.add("on " + code(line.address()));
        }
        return joined(parts, " \u00B7 ");
    }

    private static void appendProse(StringBuilder text, String label, String value, int max) {
        if (SlackSettings.present(value)) {
            text.append('\n').append(label).append(Mrkdwn.text(Clip.to(value, max)));
        }
    }

    private static String severityLabel(AlertLine line) {
        return line.severity() == null ? "finding" : line.severity().label();
    }

    private static String code(String value) {
        return Mrkdwn.code(Clip.to(value, NAME_MAX));
    }

    private static String joined(List<String> parts, String separator) {
        return String.join(separator, parts.stream().filter(part -> !part.isBlank()).toList());
    }
}
