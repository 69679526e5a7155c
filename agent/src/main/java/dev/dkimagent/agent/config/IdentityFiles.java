package dev.dkimagent.agent.config;

import dev.dkimagent.rules.model.Identity;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code dkim-agent.identity-files}: paths of plain text files of Easy DKIM identities, one
 * per line ({@link IdentityFileReader}), for inventories too large for HOCON (Typesafe Config
 * keeps a token, a syntax node and a value with its origin per value: 100,000 identities need a
 * heap peak four times what they hold). A relative path is taken from the
 * directory of the configuration file that sets it (the working directory when the configuration
 * was not read from a file). Files are streamed: UTF-8, never held whole.
 */
final class IdentityFiles {
    private IdentityFiles() {
    }

    /** Adds the identities of every listed file to {@code identities}, noting each domain in {@code domains}. */
    static void read(Node files, DomainPlaces domains, Problems problems, List<Identity> identities) {
        Map<Path, Node> seen = new HashMap<>();
        for (Node element : files.list("a list of paths to identity files")) {
            Optional<String> text = element.string("a path to an identity file");
            text.flatMap(t -> usable(element, t))
                    .filter(path -> isFirstMention(element, path, seen))
                    .ifPresent(path -> readFile(element, text.get(), path, new Target(domains, problems, identities)));
        }
    }

    /** The file {@code text} names, when it is one the agent will read; otherwise empty, after reporting why. */
    private static Optional<Path> usable(Node element, String text) {
        Optional<Path> path = resolve(element, text);
        Optional<String> why = path.flatMap(IdentityFiles::unusable);
        why.ifPresent(w -> element.problem("identity file '" + Shown.value(text) + "' " + w
                + (Path.of(text).isAbsolute() ? "" : " (a relative path is taken from the directory of the file"
                + " that sets it)")));
        return why.isEmpty() ? path : Optional.empty();
    }

    private static Optional<Path> resolve(Node element, String text) {
        if (text.isEmpty()) {
            element.problem("expected a path to an identity file, got ''");
            return Optional.empty();
        }
        try {
            return Optional.of(baseDirectory(element).resolve(text).normalize());
        } catch (InvalidPathException e) {
            element.problem("expected a path to an identity file, got '" + Shown.value(text) + "' (" + e.getReason()
                    + ")");
            return Optional.empty();
        }
    }

    /** The directory of the file the path is written in; the working directory for a configuration not from a file. */
    private static Path baseDirectory(Node element) {
        String file = element.origin() == null ? null : element.origin().filename();
        Path parent = file == null ? null : Path.of(file).toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }

    private static Optional<String> unusable(Path path) {
        if (!Files.exists(path)) {
            return Optional.of("does not exist: " + path);
        }
        if (Files.isDirectory(path)) {
            return Optional.of("is a directory, not a file: " + path);
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of("is not a regular file (only regular files are read): " + path);
        }
        if (!Files.isReadable(path)) {
            return Optional.of("is not readable (check its permissions): " + path);
        }
        return Optional.empty();
    }

    /** The same file listed twice would make each of its domains a duplicate: one problem says it instead. */
    private static boolean isFirstMention(Node element, Path path, Map<Path, Node> seen) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            real = path;
        }
        Node first = seen.putIfAbsent(real, element);
        if (first != null) {
            element.problem("names the same file as " + first.path() + "; list each file once");
        }
        return first == null;
    }

    /** Where a file's identities, domains and problems go. */
    private record Target(DomainPlaces domains, Problems problems, List<Identity> identities) {
    }

    private static void readFile(Node element, String text, Path path, Target target) {
        // a path from an environment variable is not shown (it may be a secret); the key path is
        String shown = element.isFromEnvironment() ? element.path() : Shown.value(text);
        try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
            IdentityFileReader.read(reader, shown, target.domains(), target.problems(), target.identities());
        } catch (IOException e) {
            element.problem("identity file '" + shown + "' cannot be read: " + e.getMessage());
        }
    }
}
