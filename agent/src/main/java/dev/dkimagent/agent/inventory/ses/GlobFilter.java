package dev.dkimagent.agent.inventory.ses;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Include/exclude globs on identity names: {@code *} any run of characters, {@code ?} one character. */
final class GlobFilter {
    private final List<Pattern> include;
    private final List<Pattern> exclude;

    GlobFilter(List<String> include, List<String> exclude) {
        this.include = include.stream().map(GlobFilter::compile).toList();
        this.exclude = exclude.stream().map(GlobFilter::compile).toList();
    }

    /** Empty include list = everything is included; exclude wins over include. */
    boolean accepts(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean included = include.isEmpty() || include.stream().anyMatch(p -> p.matcher(n).matches());
        return included && exclude.stream().noneMatch(p -> p.matcher(n).matches());
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
