package dev.dkimagent.rules.catalogue.dkim;

import dev.dkimagent.rules.matrix.Provider;

/** Names the likely cause when a DKIM CNAME points somewhere other than expected. */
final class TargetHint {
    static final String TRAILING_DOT =
            "the target lacks a trailing dot in the zone file, so the zone name was appended";
    static final String OTHER_REGION = "another region's signing zone";
    static final String OTHER_TOKEN = "another token";
    static final String OTHER_TARGET = "another target";

    private TargetHint() {
    }

    /** Only an Easy DKIM target has tokens and regional signing zones to name. */
    static String of(String expected, String actual, String apex, Provider provider) {
        if (actual.equals(expected + "." + apex) || (actual.endsWith("." + apex) && actual.startsWith(expected))) {
            return TRAILING_DOT;
        }
        if (provider != Provider.EASY_DKIM) {
            return OTHER_TARGET;
        }
        boolean sameToken = firstLabel(expected).equals(firstLabel(actual));
        boolean sameRest = rest(expected).equals(rest(actual));
        if (sameToken && !sameRest) {
            return OTHER_REGION;
        }
        if (sameRest && !sameToken) {
            return OTHER_TOKEN;
        }
        return OTHER_TARGET;
    }

    private static String firstLabel(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String rest(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
