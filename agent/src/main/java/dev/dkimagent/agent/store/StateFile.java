package dev.dkimagent.agent.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that keep an existing H2 state file from being replaced by an empty database. H2
 * opens a zero-length or zeroed file as a new, empty database without a word, and Flyway would
 * then build a fresh schema in it: all alert state gone. So a file that was there before opening
 * must open, and must hold at least one of our tables.
 */
final class StateFile {

    /** H2: "File corrupted", "IO Exception" (unreadable, truncated header), "Unsupported file format version". */
    private static final Set<Integer> UNREADABLE_CODES = Set.of(90030, 90028, 90048);
    private static final Set<String> OUR_TABLES = Set.of(Migrations.HISTORY_TABLE, Migrations.LEGACY_TABLE, "outbox");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private StateFile() {
    }

    /** The H2 data file of {@code jdbcUrl} when it exists now; empty for other URLs or a first start. */
    static Optional<Path> existing(String jdbcUrl) {
        return H2Files.dataFile(jdbcUrl).filter(Files::exists);
    }

    /** Refuses a file that is there but empty before H2 gets to open it as a new database. */
    static void refuseEmpty(Path file) throws UnreadableStateException {
        try {
            if (Files.size(file) == 0) {
                throw new UnreadableStateException(file, "it is empty (0 bytes)", null);
            }
        } catch (IOException e) {
            throw new UnreadableStateException(file, "cannot read its size: " + e, e);
        }
    }

    /** The same failure, as "unreadable" when H2 says the file itself is bad; otherwise unchanged. */
    static StoreException classify(Path file, StoreException e) {
        if (e instanceof UnreadableStateException) {
            return e;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNREADABLE_CODES.contains(sql.getErrorCode())) {
                return new UnreadableStateException(file, sql.getMessage(), e);
            }
        }
        return e;
    }

    /** Refuses a file that opened as a database without any of our tables (zeroed, or emptied). */
    static void refuseWithoutOurTables(Path file, Connection c) throws SQLException, UnreadableStateException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(c.getCatalog(), null, "%", null)) {
            while (rs.next()) {
                if (OUR_TABLES.contains(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT))) {
                    return;
                }
            }
        }
        throw new UnreadableStateException(file, "it opens as a database without any dkim-agent table: "
                + "zeroed or emptied, e.g. by fsck after a full or read-only filesystem", null);
    }

    /** Renames {@code file} to {@code <file>.unreadable-<UTC time>} and returns the new path. */
    static Path moveAside(Path file, Instant now) throws StoreException {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + STAMP.format(now));
        try {
            return Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot move the unreadable state file " + file + " aside to " + aside
                    + ": " + e + "; move it yourself, or restore it from a backup", e);
        }
    }
}
