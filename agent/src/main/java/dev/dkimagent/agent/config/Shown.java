package dev.dkimagent.agent.config;

import java.util.Collection;

/** How text from a configuration appears in a message: on one line, clipped, secrets replaced. */
final class Shown {
    private Shown() {
    }

    /** {@code text} on one line, cut after {@code max} characters with a note of its full length. */
    static String clip(String text, int max) {
        String line = text.replace('\n', ' ').replace('\r', ' ');
        if (line.length() <= max) {
            return line;
        }
        return line.substring(0, max) + "... (" + line.length() + " characters)";
    }

    /** A value or key as quoted in a message. */
    static String value(String text) {
        return clip(text, ConfigLimits.MAX_SHOWN_CHARS);
    }

    /** {@code text} with each of {@code secrets} (4 characters or more) replaced by {@value Secrets#REDACTED}. */
    static String withoutSecrets(String text, Collection<String> secrets) {
        String result = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                result = result.replace(secret, Secrets.REDACTED);
            }
        }
        return result;
    }
}
