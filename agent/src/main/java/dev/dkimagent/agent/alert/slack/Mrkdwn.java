package dev.dkimagent.agent.alert.slack;

/**
 * Escapes untrusted text (anything from DNS or SES) for Slack's mrkdwn. Slack turns {@code <...>}
 * into mentions and links, so a TXT value of {@code <!channel>} would page a whole channel and
 * {@code <https://evil|click>} would forge a link. {@code *}, {@code _}, {@code ~} have no escape
 * in mrkdwn; they can only change emphasis, which is harmless.
 */
public final class Mrkdwn {

    /** Replaces the backtick in code, so a value cannot close its code span and escape it. */
    static final char BACKTICK_STAND_IN = '\u02B9';

    private Mrkdwn() {
    }

    /** Escapes text for mrkdwn: {@code &} first (so we never double-escape our own), then {@code <}, {@code >}. */
    public static String text(String untrusted) {
        if (untrusted == null) {
            return "";
        }
        return untrusted.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escaped content for a code span or block; backticks are replaced so the value cannot close the code. */
    public static String codeContent(String untrusted) {
        return text(untrusted).replace('`', BACKTICK_STAND_IN);
    }

    /** An inline code span holding an untrusted value; empty values become an empty string, not {@code ``}. */
    public static String code(String untrusted) {
        if (untrusted == null || untrusted.isEmpty()) {
            return "";
        }
        return "`" + codeContent(untrusted) + "`";
    }

    /** A code block holding an untrusted value (a {@code dig} command). */
    public static String codeBlock(String untrusted) {
        return "```" + codeContent(untrusted) + "```";
    }
}
