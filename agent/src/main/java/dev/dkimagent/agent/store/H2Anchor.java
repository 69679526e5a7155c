package dev.dkimagent.agent.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer guarantee on H2 (and any other non-PostgreSQL URL): one connection, outside
 * the pool, held open for the store's whole life. An embedded H2 database locks its file for the
 * process that opens it (an OS lock, released when the process dies, even by kill -9) and closes
 * when its last connection does; this connection keeps it open while pooled connections come and
 * go. A second open in the same JVM is refused here, since H2 would share the database there.
 */
final class H2Anchor implements SingleWriter {

    private static final Logger LOG = LoggerFactory.getLogger(H2Anchor.class);
    private static final Set<Path> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Connection connection;
    private final Path heldFile;

    private H2Anchor(Connection connection, Path heldFile) {
        this.connection = connection;
        this.heldFile = heldFile;
    }

    static H2Anchor acquire(String jdbcUrl, String user, String password, String where) throws StoreException {
        if (H2Files.unnamedMemory(jdbcUrl)) {
            throw new StoreException("the state database at " + where + " is a private in-memory database that the "
                    + "store's connections cannot share; name it (jdbc:h2:mem:dkim-agent) or use a file");
        }
        Optional<Path> file = H2Files.databasePath(jdbcUrl);
        Path held = file.orElse(null);
        if (held != null) {
            createDirectory(held, where);
            if (!OPEN_IN_THIS_JVM.add(held)) {
                throw SingleWriter.heldByAnother(where, null);
            }
        }
        try {
            return new H2Anchor(SingleWriter.connect(H2Files.connectUrl(jdbcUrl), user, password, where), held);
        } catch (StoreException e) {
            if (held != null) {
                OPEN_IN_THIS_JVM.remove(held);
            }
            throw e;
        }
    }

    /** H2 has one holder: there is nobody to wait for. */
    @Override
    public MigrationTurn migrationTurn() {
        return MigrationTurn.NONE;
    }

    @Override
    public boolean held() {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the state database failed: {}", e.getMessage());
        } finally {
            if (heldFile != null) {
                OPEN_IN_THIS_JVM.remove(heldFile);
            }
        }
    }

    private static void createDirectory(Path database, String where) throws StoreException {
        Path dir = database.getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the state directory " + dir + " for " + where + ": " + e
                    + "; create it or point state.url elsewhere", e);
        }
    }
}
