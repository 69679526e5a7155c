package dev.dkimagent.agent.alert.slack;

/** Shortens untrusted values before they are escaped, so no single field can blow a Slack limit. */
final class Clip {

    private Clip() {
    }

    /** At most {@code max} characters; a cut value ends in an ellipsis and never splits a surrogate pair. */
    static String to(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "\u2026";
    }
}
