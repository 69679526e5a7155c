package dev.dkimagent.agent.config;

import java.util.Optional;

/** Syntax checks for DNS names as written in configuration (no look-ups). */
final class DnsNames {
    private static final String LABEL_RULE = "1 to 63 letters, digits, '-' or '_'";

    private DnsNames() {
    }

    /**
     * Why {@code name} is not a DNS name, or empty when it is one. A trailing dot is allowed. Scans
     * in place (no split): it runs for every identity's domain.
     */
    static Optional<String> nameProblem(String name) {
        int end = name.endsWith(".") ? name.length() - 1 : name.length();
        if (end == 0) {
            return Optional.of("empty name");
        }
        if (end > 253) {
            return Optional.of("longer than 253 characters");
        }
        for (int start = 0; start <= end; ) {
            int dot = name.indexOf('.', start);
            int labelEnd = dot < 0 || dot > end ? end : dot;
            if (!isLabel(name, start, labelEnd)) {
                String label = name.substring(start, labelEnd);
                return Optional.of(label.isEmpty() ? "empty label" : "label '" + label + "' is not " + LABEL_RULE);
            }
            start = labelEnd + 1;
        }
        return Optional.empty();
    }

    /** The message for a {@code name} that is not a DNS name, or empty when it is one. */
    static Optional<String> notAName(String name) {
        return nameProblem(name).map(why -> "expected a DNS name, got '" + Shown.value(name) + "' (" + why + ")");
    }

    /** Reports on {@code node} unless {@code name} is a DNS name; true when it is. */
    static boolean checkName(Node node, String name) {
        Optional<String> problem = notAName(name);
        problem.ifPresent(node::problem);
        return problem.isEmpty();
    }

    /** {@value #LABEL_RULE}; a loop rather than a regular expression: it runs per token of every identity. */
    static boolean isLabel(String text) {
        return isLabel(text, 0, text.length());
    }

    /** True when {@code text} from {@code start} to {@code end} (exclusive) is one label. */
    private static boolean isLabel(String text, int start, int end) {
        if (end <= start || end - start > 63) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The message for a {@code text} that is not one DNS label, or empty when it is one. */
    static Optional<String> notALabel(String text) {
        return isLabel(text) ? Optional.empty()
                : Optional.of("expected a single DNS label (" + LABEL_RULE + "), got '" + Shown.value(text) + "'");
    }
}
