package dev.dkimagent.agent.deploy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * The .dockerignore rules as Docker applies them, for the patterns this repository uses: in
 * order, the last matching pattern wins, {@code !} re-includes, and a pattern that matches a
 * directory matches everything below it.
 */
final class DockerIgnore {
    private record Rule(boolean include, PathMatcher matcher) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static DockerIgnore read(String text) {
        return new DockerIgnore(text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(DockerIgnore::rule).toList());
    }

    boolean excludes(String path) {
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesItOrAParent(rule.matcher(), Path.of(path))) {
                excluded = !rule.include();
            }
        }
        return excluded;
    }

    private static Rule rule(String line) {
        boolean include = line.startsWith("!");
        String pattern = (include ? line.substring(1) : line).replaceAll("/+$", "");
        return new Rule(include, FileSystems.getDefault().getPathMatcher("glob:" + pattern));
    }

    private static boolean matchesItOrAParent(PathMatcher matcher, Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (matcher.matches(p)) {
                return true;
            }
        }
        return false;
    }
}
