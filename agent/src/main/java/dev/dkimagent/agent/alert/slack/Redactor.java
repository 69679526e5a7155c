package dev.dkimagent.agent.alert.slack;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes secrets from text before it becomes a {@code DeliveryResult} error or a log line: the
 * configured token and webhook URL (and its path, which is the credential), plus anything shaped
 * like a Slack token or webhook path, in case a library echoes one we were not told about.
 */
final class Redactor {

    private static final Pattern TOKEN_SHAPE = Pattern.compile("xox[a-z]-[A-Za-z0-9-]+");
    private static final Pattern WEBHOOK_PATH_SHAPE = Pattern.compile("/services/[A-Za-z0-9/_-]+");
    private static final int MAX_LENGTH = 300;

    private final List<String> secrets;

    Redactor(String... secrets) {
        this.secrets = Arrays.stream(secrets).filter(SlackSettings::present).flatMap(Redactor::withPath).toList();
    }

    /** The text without secrets, shortened to a log-friendly length; null stays null. */
    String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text;
        for (String secret : secrets) {
            cleaned = cleaned.replace(secret, "(secret)");
        }
        cleaned = TOKEN_SHAPE.matcher(cleaned).replaceAll("(secret)");
        cleaned = WEBHOOK_PATH_SHAPE.matcher(cleaned).replaceAll("/(secret)");
        return Clip.to(cleaned.replaceAll("\\s+", " ").strip(), MAX_LENGTH);
    }

    /** A URL's path is a secret on its own (some errors print only the path). */
    private static Stream<String> withPath(String secret) {
        try {
            String path = URI.create(secret).getRawPath();
            return Stream.of(secret, path).filter(Objects::nonNull).filter(p -> p.length() > 1);
        } catch (IllegalArgumentException notAUrl) {
            return Stream.of(secret);
        }
    }
}
