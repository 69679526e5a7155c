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
     * The URL to connect with. An embedded file database gets two options unless the URL sets them:
     * {@code DB_CLOSE_ON_EXIT=FALSE}, since H2's own shutdown hook would otherwise close the
     * database while the daemon's hook is still stopping a sweep (the daemon closes the store
     * itself, after the schedule); and {@code WRITE_DELAY=0}, so a commit returns only once H2 has
     * written it to the file: with H2's default delay (500 ms) a commit on a full disk still
     * "succeeds" and is lost, and a kill -9 right after recording a delivery can undo the record.
     * {@code mustExist} adds {@code IFEXISTS=TRUE}: a reopen never creates a new, empty database
     * where the state file was. Other URLs are returned as given.
     */
    static String connectUrl(String jdbcUrl, boolean mustExist) {
        if (databasePath(jdbcUrl).isEmpty()) {
            return jdbcUrl;
        }
        String url = withDefault(jdbcUrl, "DB_CLOSE_ON_EXIT", "FALSE");
        url = withDefault(url, "WRITE_DELAY", "0");
        return mustExist ? withDefault(url, "IFEXISTS", "TRUE") : url;
    }

    static String connectUrl(String jdbcUrl) {
        return connectUrl(jdbcUrl, false);
    }

    private static String withDefault(String url, String option, String value) {
        return url.toUpperCase(Locale.ROOT).contains(";" + option + "=") ? url : url + ";" + option + "=" + value;
    }

    /** The file an embedded H2 URL keeps its data in ({@code <path>.mv.db}); empty for other URLs. */
    static Optional<Path> dataFile(String jdbcUrl) {
        return databasePath(jdbcUrl).map(p -> p.resolveSibling(p.getFileName() + ".mv.db"));
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
