package dev.dkimagent.rules;

import java.util.Locale;

/** How bad a finding is. Declared from worst to mildest, so {@code compareTo} orders by urgency. */
public enum Severity {
    CRITICAL, ERROR, WARNING, INFO;

    /** True when this severity is as bad as {@code threshold} or worse. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    /** The lower-case spelling used in configuration, JSON and metrics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code critical|error|warning|info} (any case); throws with the accepted values. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("expected one of critical, error, warning, info, got '" + text + "'");
    }
}
