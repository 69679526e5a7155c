package dev.dkimagent.agent.canary;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the {@link CanaryMessage#HEADER} in the first bytes of a raw RFC 5322 message, so a
 * mailbox that cannot search (S3) reads only the head of messages that are not the canary's.
 */
final class CanaryHeader {
    private static final String NAME = CanaryMessage.HEADER.toLowerCase(Locale.ROOT) + ":";

    private CanaryHeader() {
    }

    /** The header's value, if it is in the header section within {@code head} (which may be cut anywhere). */
    static Optional<String> valueIn(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int end = headerEnd(text);
        String[] lines = text.substring(0, end).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].toLowerCase(Locale.ROOT).startsWith(NAME)) {
                StringBuilder value = new StringBuilder(lines[i].substring(NAME.length()));
                for (int j = i + 1; j < lines.length && isContinuation(lines[j]); j++) {
                    value.append(lines[j]);
                }
                return Optional.of(value.toString().trim());
            }
        }
        return Optional.empty();
    }

    private static int headerEnd(String text) {
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        if (crlf < 0 && lf < 0) {
            return text.length();
        }
        return crlf < 0 ? lf : lf < 0 ? crlf : Math.min(crlf, lf);
    }

    private static boolean isContinuation(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }
}
