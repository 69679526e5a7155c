package dev.dkimagent.agent.config;

import java.util.Optional;

/** Syntax checks for DNS names as written in configuration (no look-ups). */
final class DnsNames {
    private static final String LABEL_RULE = "1 to 63 letters, digits, '-' or '_'";

    private DnsNames() {
    }

    /** Why {@code name} is not a DNS name, or empty when it is one. A trailing dot is allowed. */
    static Optional<String> nameProblem(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty()) {
            return Optional.of("empty name");
        }
        if (n.length() > 253) {
            return Optional.of("longer than 253 characters");
        }
        for (String label : n.split("\\.", -1)) {
            if (!isLabel(label)) {
                return Optional.of(label.isEmpty() ? "empty label" : "label '" + label + "' is not " + LABEL_RULE);
            }
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
        if (text.isEmpty() || text.length() > 63) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
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
