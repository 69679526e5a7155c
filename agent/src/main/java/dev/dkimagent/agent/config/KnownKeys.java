package dev.dkimagent.agent.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** Rejects keys nobody reads: a typo must not silently fall back to a default. */
final class KnownKeys {
    private static final int MAX_TYPO_DISTANCE = 2;

    private KnownKeys() {
    }

    /** Reports each key of {@code node} (an object) that is not in {@code known}. */
    static void check(Node node, Collection<String> known) {
        for (String key : node.keysNotIn(known)) {
            node.child(key).problem(unknownKey(key, known));
        }
    }

    static String unknownKey(String key, Collection<String> known) {
        return closest(key, known)
                .map(k -> "unknown key, did you mean '" + k + "'?")
                .orElseGet(() -> "unknown key, expected one of " + String.join(", ", new TreeSet<>(known)));
    }

    /** The candidate nearest to {@code word} (ignoring case) if at most two edits away. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = MAX_TYPO_DISTANCE + 1;
        for (String candidate : new TreeSet<>(candidates)) {
            if (Math.abs(word.length() - candidate.length()) > MAX_TYPO_DISTANCE) {
                continue; // cannot be near, and a huge key must not cost length x length
            }
            int d = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
