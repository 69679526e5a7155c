package dev.dkimagent.agent.config;

import java.util.OptionalInt;

/**
 * Finds where braces and brackets nest too deep, before the parser (which recurses once per
 * level and would overflow the stack) sees the text. Knows HOCON's strings and comments so that a
 * brace inside them does not count.
 */
final class NestingScan {
    private final String text;
    private int at;
    private int line = 1;

    private NestingScan(String text) {
        this.text = text;
    }

    /** The line where nesting first exceeds {@code max} levels, if it does. */
    static OptionalInt lineDeeperThan(String text, int max) {
        return new NestingScan(text).scan(max);
    }

    private OptionalInt scan(int max) {
        int depth = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                skipString();
                continue;
            }
            if (c == '#' || text.startsWith("//", at)) {
                skipToEndOfLine();
                continue;
            }
            if (c == '\n') {
                line++;
            } else if (c == '{' || c == '[') {
                if (++depth > max) {
                    return OptionalInt.of(line);
                }
            } else if (c == '}' || c == ']') {
                depth = Math.max(0, depth - 1);
            }
            at++;
        }
        return OptionalInt.empty();
    }

    private void skipString() {
        if (text.startsWith("\"\"\"", at)) {
            int end = text.indexOf("\"\"\"", at + 3);
            advanceTo(end < 0 ? text.length() : end + 3);
            return;
        }
        at++;
        while (at < text.length() && text.charAt(at) != '"' && text.charAt(at) != '\n') {
            at += text.charAt(at) == '\\' ? 2 : 1;
        }
        if (at < text.length() && text.charAt(at) == '"') {
            at++;
        }
    }

    private void skipToEndOfLine() {
        int end = text.indexOf('\n', at);
        at = end < 0 ? text.length() : end;
    }

    private void advanceTo(int end) {
        for (int i = at; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        at = end;
    }
}
