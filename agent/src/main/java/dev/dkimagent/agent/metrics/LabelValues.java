package dev.dkimagent.agent.metrics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guards label values: only short identifiers and DNS names/addresses pass, anything else (a
 * message, a record value, an exception text) becomes {@value #OTHER}. This keeps free text out
 * of labels and the series count bounded even when a caller passes the wrong string.
 */
final class LabelValues {
    static final String OTHER = "other";

    /** Outcomes, operations, channels, kinds, rule ids, tags: one word, no spaces. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Domain names, selectors, account names, regions, versions, ip, ip:port and [v6]:port. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:@\\[\\]*+-]{1,253}");

    private LabelValues() {
    }

    static String token(String value) {
        return value != null && TOKEN.matcher(value).matches() ? value : OTHER;
    }

    /** Lower-case token, e.g. an outcome or a severity. */
    static String lowerToken(String value) {
        return token(value == null ? null : value.toLowerCase(Locale.ROOT));
    }

    /** A name; null and empty (a zone-wide finding has no identity) become the empty string. */
    static String name(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return NAME.matcher(value).matches() ? value : OTHER;
    }
}
