package dev.dkimagent.agent.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** Syntax checks for DNS names as written in configuration (no look-ups). */
final class DnsNames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]{1,63}");
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
            if (!LABEL.matcher(label).matches()) {
                return Optional.of(label.isEmpty() ? "empty label" : "label '" + label + "' is not " + LABEL_RULE);
            }
        }
        return Optional.empty();
    }

    /** Reports on {@code node} unless {@code name} is a DNS name; true when it is. */
    static boolean checkName(Node node, String name) {
        Optional<String> why = nameProblem(name);
        why.ifPresent(w -> node.problem("expected a DNS name, got '" + Shown.value(name) + "' (" + w + ")"));
        return why.isEmpty();
    }

    static boolean isLabel(String text) {
        return LABEL.matcher(text).matches();
    }

    /** Reports on {@code node} unless {@code text} is one DNS label; true when it is. */
    static boolean checkLabel(Node node, String text) {
        if (isLabel(text)) {
            return true;
        }
        node.problem("expected a single DNS label (" + LABEL_RULE + "), got '" + Shown.value(text) + "'");
        return false;
    }
}
