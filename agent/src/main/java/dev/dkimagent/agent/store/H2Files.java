package dev.dkimagent.agent.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Where an embedded H2 URL keeps its files, so the agent can create the directory and name it in errors. */
final class H2Files {

    private static final String PREFIX = "jdbc:h2:";

    private H2Files() {
    }

    /**
     * The URL to connect with: an embedded file database gets {@code DB_CLOSE_ON_EXIT=FALSE}
     * unless the URL sets it. H2's own shutdown hook would otherwise close the database while
     * the daemon's hook is still stopping a sweep, which then fails its commit; the daemon closes
     * the store itself, after the schedule. Other URLs are returned as given.
     */
    static String connectUrl(String jdbcUrl) {
        if (databasePath(jdbcUrl).isEmpty() || jdbcUrl.toUpperCase(Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** True for {@code jdbc:h2:mem:} without a name: a private database per connection, which a pool cannot share. */
    static boolean unnamedMemory(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        return lower.equals(PREFIX + "mem:") || lower.startsWith(PREFIX + "mem:;");
    }

    /** The database path (without {@code .mv.db}) of an embedded file URL; empty for mem:, tcp:, ssl: or non-H2. */
    static Optional<Path> databasePath(String jdbcUrl) {
        if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(PREFIX.length());
        int options = rest.indexOf(';');
        String name = options < 0 ? rest : rest.substring(0, options);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
                || lower.startsWith("zip:")) {
            return Optional.empty();
        }
        if (lower.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name).toAbsolutePath().normalize());
    }
}
