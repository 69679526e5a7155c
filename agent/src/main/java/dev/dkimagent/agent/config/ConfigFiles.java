package dev.dkimagent.agent.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every file one configuration reads, checked before the parser sees it: a regular file (never
 * /dev/zero or a pipe), all files together within {@link ConfigLimits#MAX_BYTES}, objects and
 * lists nested at most {@link ConfigLimits#MAX_NESTING} deep. Also notes which environment
 * variables the files substitute, so that their values can be kept out of messages.
 */
final class ConfigFiles {
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{\\??\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    /** A file the loader will not read; {@code line} is -1 when no line applies. */
    static final class Refused extends RuntimeException {
        final String file;
        final int line;

        Refused(String file, int line, String what) {
            super(what, null, false, false);
            this.file = file;
            this.line = line;
        }
    }

    private final String topFile;
    private String topText = "";
    private long bytesLeft = ConfigLimits.MAX_BYTES;
    private final Set<String> environmentNames = new TreeSet<>();

    /** For the configuration file {@code topFile} (or a source with that name, never read from disk). */
    ConfigFiles(String topFile) {
        this.topFile = topFile;
    }

    String topFile() {
        return topFile;
    }

    /** Checks and reads the configuration file itself. */
    String admitTop(Path file) {
        topText = admit(file, "the file", -1);
        return topText;
    }

    /**
     * Checks a file an include names ({@code asWritten}: how the include reads in a message;
     * {@code name}: the name or path it gives, to find its line).
     */
    void admitIncluded(Path file, String asWritten, String name) {
        if (Files.exists(file)) {
            admit(file, "include " + asWritten, includeLine(name));
        }
    }

    /** Refuses an include the loader does not follow (anything but a file). */
    Refused refuseInclude(String asWritten, String name, String why) {
        return new Refused(topFile, includeLine(name), "include " + Shown.value(asWritten) + ": " + why);
    }

    /** The environment variables the files read so far substitute ({@code ${VAR}}, {@code ${?VAR}}). */
    Set<String> environmentNames() {
        return Collections.unmodifiableSet(environmentNames);
    }

    private String admit(Path file, String what, int includeLine) {
        String where = what.startsWith("include ") ? topFile : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new Refused(where, includeLine, Shown.value(what) + ": not a regular file; only regular files"
                    + " are read");
        }
        long size = size(file);
        if (size > bytesLeft) {
            throw new Refused(where, includeLine, Shown.value(what) + " is " + size + " bytes; a configuration"
                    + " and what it includes may be at most " + ConfigLimits.mebibytes(ConfigLimits.MAX_BYTES));
        }
        bytesLeft -= size;
        String text = read(file);
        OptionalInt deep = NestingScan.lineDeeperThan(text, ConfigLimits.MAX_NESTING);
        if (deep.isPresent()) {
            throw new Refused(file.getFileName().toString(), deep.getAsInt(), "objects and lists nest deeper than "
                    + ConfigLimits.MAX_NESTING + " levels; a configuration needs fewer than 10");
        }
        noteEnvironmentNames(text);
        return text;
    }

    /** Looks for "${" first (fast, even before the JIT): a file of 10,000 identities has a handful. */
    private void noteEnvironmentNames(String text) {
        for (int at = text.indexOf("${"); at >= 0; at = text.indexOf("${", at + 2)) {
            int end = text.indexOf('}', at);
            if (end < 0) {
                return;
            }
            Matcher reference = ENV_REFERENCE.matcher(text.substring(at, end + 1));
            if (reference.matches()) {
                environmentNames.add(reference.group(1));
            }
        }
    }

    /** The line of the configuration file that substitutes environment variable {@code name}, or -1. */
    int substitutionLine(String name) {
        return firstLine(line -> ENV_REFERENCE.matcher(line).results().anyMatch(m -> m.group(1).equals(name)));
    }

    /** The line of the configuration file that includes {@code name}, or -1 (included by an included file). */
    private int includeLine(String name) {
        return firstLine(line -> line.contains("include") && line.contains(name));
    }

    private int firstLine(java.util.function.Predicate<String> matches) {
        String[] lines = topText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (matches.test(lines[i])) {
                return i + 1;
            }
        }
        return -1;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
