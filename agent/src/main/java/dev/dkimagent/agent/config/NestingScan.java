package dev.dkimagent.agent.config;

import java.util.OptionalInt;

/**
 * Finds where braces and brackets nest too deep, before the parser (which recurses once per
 * level and would overflow the stack) sees the text. Knows HOCON's strings and comments so that a
 * brace inside them does not count. It runs over every file at start, before the JIT has compiled
 * anything: one pass over a char array, lines counted only when there is something to report.
 */
final class NestingScan {
    private final char[] text;
    private int at;

    private NestingScan(String text) {
        this.text = text.toCharArray();
    }

    /** The line where nesting first exceeds {@code max} levels, if it does. */
    static OptionalInt lineDeeperThan(String text, int max) {
        NestingScan scan = new NestingScan(text);
        int tooDeep = scan.scan(max);
        return tooDeep < 0 ? OptionalInt.empty() : OptionalInt.of(scan.lineOf(tooDeep));
    }

    /** The offset where nesting first exceeds {@code max}, or -1. */
    private int scan(int max) {
        int depth = 0;
        while (at < text.length) {
            char c = text[at];
            switch (c) {
                case '"' -> skipString();
                case '#' -> skipToEndOfLine();
                case '/' -> {
                    if (at + 1 < text.length && text[at + 1] == '/') {
                        skipToEndOfLine();
                    } else {
                        at++;
                    }
                }
                case '{', '[' -> {
                    if (++depth > max) {
                        return at;
                    }
                    at++;
                }
                case '}', ']' -> {
                    depth = Math.max(0, depth - 1);
                    at++;
                }
                default -> at++;
            }
        }
        return -1;
    }

    private void skipString() {
        if (at + 2 < text.length && text[at + 1] == '"' && text[at + 2] == '"') {
            at += 3;
            while (at + 2 < text.length && !(text[at] == '"' && text[at + 1] == '"' && text[at + 2] == '"')) {
                at++;
            }
            at = Math.min(text.length, at + 3);
            return;
        }
        at++;
        while (at < text.length && text[at] != '"' && text[at] != '\n') {
            at += text[at] == '\\' ? 2 : 1;
        }
        if (at < text.length && text[at] == '"') {
            at++;
        }
    }

    private void skipToEndOfLine() {
        while (at < text.length && text[at] != '\n') {
            at++;
        }
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
