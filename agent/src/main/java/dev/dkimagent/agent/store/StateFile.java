package dev.dkimagent.agent.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that keep an existing H2 state file from being replaced by an empty database. H2
 * opens a zero-length or zeroed file as a new, empty database without a word, and Flyway would
 * then build a fresh schema in it: all alert state gone. So a file that was there before opening
 * must open read-only first, and hold at least one table.
 */
final class StateFile {

    /**
     * H2: "File corrupted", "IO Exception" (unreadable, truncated header), "Unsupported file format
     * version".
     */
    private static final Set<Integer> UNREADABLE_CODES = Set.of(90030, 90028, 90048);
    /** H2, opened read-only: "The database is read only" when the file holds no store and one would be created. */
    private static final int READ_ONLY_WOULD_CREATE = 90097;
    private static final String ZEROED = "it holds no database, H2 would create a new one in it: zeroed or emptied, "
            + "e.g. by fsck after a full or read-only filesystem";
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

    /**
     * Opens the existing file read-only (H2 writes nothing then, not even a new header into a
     * zeroed file) and refuses it unless it opens and holds at least one table. A file that holds
     * only other tables is not refused: the migrations add ours beside them, as before.
     *
     * @throws UnreadableStateException corrupt, truncated, zeroed or emptied
     * @throws StoreException           held by another agent, wrong credentials, and the like
     */
    static void check(Path file, String jdbcUrl, String user, String password, String where) throws StoreException {
        refuseEmpty(file);
        String readOnly = H2Files.connectUrl(jdbcUrl, true) + ";ACCESS_MODE_DATA=r";
        try (Connection c = SingleWriter.connect(readOnly, user, password, where)) {
            if (!hasTables(c)) {
                throw new UnreadableStateException(file, "it opens as a database without a single table: zeroed "
                        + "or emptied", null);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the state database at " + where + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            throw classify(file, e);
        }
    }

    /** The failure as "unreadable" when H2 says the file itself is bad; otherwise unchanged. */
    private static StoreException classify(Path file, StoreException e) {
        if (e instanceof UnreadableStateException) {
            return e;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == READ_ONLY_WOULD_CREATE) {
                return new UnreadableStateException(file, ZEROED, e);
            }
            if (t instanceof SQLException sql && UNREADABLE_CODES.contains(sql.getErrorCode())) {
                return new UnreadableStateException(file, sql.getMessage(), e);
            }
        }
        return e;
    }

    private static boolean hasTables(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", null)) {
            return rs.next();
        }
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
