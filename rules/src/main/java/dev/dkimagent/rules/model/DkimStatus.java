package dev.dkimagent.rules.model;

import java.util.Locale;

/** SES's DKIM verification status. v2 spells TEMPORARY_FAILURE, v1 spells TemporaryFailure. */
public enum DkimStatus {
    PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE, NOT_STARTED;

    /** Reads both API spellings; null for an unknown value (never guess a status). */
    public static DkimStatus parse(String text) {
        if (text == null) {
            return null;
        }
        String normal = text.trim().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        for (DkimStatus s : values()) {
            if (s.name().equals(normal)) {
                return s;
            }
        }
        return null;
    }

    /** SES cannot see the records (now, or for good). */
    public boolean failing() {
        return this == TEMPORARY_FAILURE || this == FAILED;
    }
}
