package dev.dkimagent.agent.config;

import com.typesafe.config.ConfigOrigin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in a configuration, so one run reports them all. */
final class Problems {
    private record Problem(String file, int line, String text) {
    }

    /** Key paths are short; one thousands of characters long is a mistake and is cut. */
    private static final int MAX_PATH_CHARS = 200;

    private final List<Problem> found = new ArrayList<>();

    /** Adds {@code file: line: path: what}, the shape of the library's own messages. */
    void add(ConfigOrigin origin, String path, String what) {
        addAt(origin, Shown.clip(path, MAX_PATH_CHARS) + ": " + what);
    }

    /** Adds {@code file: line: text}, for messages that carry no key path (syntax errors). */
    void addAt(ConfigOrigin origin, String text) {
        addLine(fileOf(origin), origin == null ? -1 : origin.lineNumber(), text);
    }

    /**
     * Adds {@code file: line: text} for a file that is not HOCON (an identity file); a negative
     * line is left out, and {@link Integer#MAX_VALUE} (left out too) sorts after the file's lines.
     */
    void addLine(String file, int line, String text) {
        String where = line >= 0 && line != Integer.MAX_VALUE ? file + ": " + line : file;
        found.add(new Problem(file, line, Shown.clip(where + ": " + text, ConfigLimits.MAX_PROBLEM_CHARS)));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems ordered by file, then line; same-line problems keep the order they were found in. */
    List<String> all() {
        return found.stream()
                .sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line))
                .map(Problem::text)
                .toList();
    }

    void throwIfAny() throws ConfigException {
        if (!isEmpty()) {
            throw new ConfigException(all());
        }
    }

    /** The short file name: people read "dkim-agent.conf: 12", not the absolute path. */
    static String fileOf(ConfigOrigin origin) {
        if (origin == null) {
            return "(unknown)";
        }
        if (origin.filename() != null) {
            return Path.of(origin.filename()).getFileName().toString();
        }
        if (origin.resource() != null) {
            return origin.resource();
        }
        return origin.withLineNumber(-1).description();
    }
}
