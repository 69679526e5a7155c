package dev.dkimagent.agent.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Greedy word wrap that never breaks inside a `backquoted` span, so a dig command stays on one
 * line and can be copied; a token longer than the width gets a line of its own.
 */
final class Wrap {
    private static final Pattern TOKEN = Pattern.compile("`[^`]*`\\S*|\\S+");

    private Wrap() {
    }

    static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
