package dev.dkimagent.agent.alert.slack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads Slack's {@code Retry-After} header (whole seconds). */
final class RetryAfter {

    private static final long MAX_SECONDS = 3600;

    private RetryAfter() {
    }

    /** The wait Slack asked for; null when the header is missing or not a number of seconds. */
    static Duration parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, MAX_SECONDS));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    /** Finds the header in a multimap whatever its capitalisation. */
    static Duration fromHeaders(Map<String, List<String>> headers) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(header -> "Retry-After".equalsIgnoreCase(header.getKey()))
                .flatMap(header -> header.getValue().stream())
                .findFirst()
                .map(RetryAfter::parse)
                .orElse(null);
    }
}
