package dev.dkimagent.agent.store;

import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.AlertStatus;
import dev.dkimagent.agent.alert.Notification;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's durable state over JDBC: finding lifecycle, SES memory, the outbox and open
 * incidents. One connection, used under this object's lock; every method is short, so the
 * sweep and the outbox dispatcher never wait on each other for long (deliveries happen outside).
 *
 * <p>Only one agent may use an embedded H2 database: H2 locks the file for the process that
 * opens it (an OS lock, released when that process dies, even by kill -9), and this class keeps
 * a second open in the same JVM out as well, since H2 would share the database there. On
 * PostgreSQL a {@link PostgresLock} (a session advisory lock) keeps a second agent out.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    private static final Set<Path> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    /** H2: "Database may be already in use" (another process holds the file). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String PERMANENT = "permanent";

    private final Connection connection;
    private final String where;
    private final Path heldFile;
    private final PostgresLock lock;
    private boolean closed;

    private Store(Connection connection, String where, Path heldFile, PostgresLock lock) {
        this.connection = connection;
        this.where = where;
        this.heldFile = heldFile;
        this.lock = lock;
    }

    /**
     * Opens the state database, creating the directory of an H2 file, takes the single-writer lock
     * (H2 file or PostgreSQL), then migrates it: only the lock holder ever migrates.
     */
    public static Store open(String jdbcUrl, String user, String password) throws StoreException {
        Optional<Path> file = H2Files.databasePath(jdbcUrl);
        String where = file.map(Path::toString).orElse(SafeUrl.of(jdbcUrl));
        Path held = file.orElse(null);
        if (held != null) {
            createDirectory(held, where);
            if (!OPEN_IN_THIS_JVM.add(held)) {
                throw heldByAnother(where, null);
            }
        }
        PostgresLock lock = null;
        try {
            lock = lockIfPostgres(jdbcUrl, user, password, where);
            Connection connection = connect(H2Files.connectUrl(jdbcUrl), user, password, where);
            migrate(connection, where);
            return new Store(connection, where, held, lock);
        } catch (StoreException e) {
            if (lock != null) {
                lock.close();
            }
            if (held != null) {
                OPEN_IN_THIS_JVM.remove(held);
            }
            throw e;
        }
    }

    /** Every tracked finding, by key. */
    public synchronized Map<String, AlertState> alertStates() {
        Map<String, AlertState> out = new TreeMap<>();
        String sql = "SELECT alert_key, identity_name, status, hits, clean_sweeps, first_seen, last_notified, "
                + "line_json FROM alert_state";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                AlertState s = new AlertState(rs.getString(1), rs.getString(2), AlertStatus.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5), Instant.ofEpochMilli(rs.getLong(6)), instant(rs, 7),
                        Json.read(rs.getString(8), AlertLine.class));
                out.put(s.key(), s);
            }
            connection.commit();
            return out;
        } catch (SQLException e) {
            throw failed("reading alert states", e);
        }
    }

    /** What earlier sweeps remembered of SES, by {@code SesView.memoryKey}. */
    public synchronized Map<String, SesMemory> sesMemory() {
        Map<String, SesMemory> out = new TreeMap<>();
        String sql = "SELECT memory_key, last_status, last_success, tokens_json FROM ses_memory";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String status = rs.getString(2);
                out.put(rs.getString(1), new SesMemory(status == null ? null : DkimStatus.valueOf(status),
                        instant(rs, 3), Json.readStrings(rs.getString(4))));
            }
            connection.commit();
            return out;
        } catch (SQLException e) {
            throw failed("reading SES memory", e);
        }
    }

    /** One transaction: replaces alert states, upserts SES memory, enqueues notifications. */
    public synchronized void commitSweep(Map<String, AlertState> states, Map<String, SesMemory> sesMemory,
                                         List<Notification> outbox) {
        List<String> payloads = outbox.stream().map(Json::write).toList();  // fail before touching the database
        try {
            replaceAlertStates(states);
            upsertSesMemory(sesMemory);
            enqueue(outbox, payloads);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw failed("saving the sweep (nothing of it was saved)", e);
        }
    }

    /**
     * Forgets delivered messages delivered before {@code cutoff}, so the outbox does not grow for
     * the daemon's lifetime. Pending and permanent messages are kept (the latter for inspection).
     *
     * @return how many rows were deleted
     */
    public synchronized int purgeDelivered(Instant cutoff) {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM outbox WHERE status = ? AND delivered_at < ?")) {
            delete.setString(1, DELIVERED);
            delete.setLong(2, cutoff.toEpochMilli());
            int deleted = delete.executeUpdate();
            connection.commit();
            return deleted;
        } catch (SQLException e) {
            rollback();
            throw failed("purging delivered messages", e);
        }
    }

    /** True when the database answers and, on PostgreSQL, the single-writer lock is still held (for /readyz). */
    public synchronized boolean reachable() {
        try {
            return !closed && connection.isValid(2) && (lock == null || lock.held());
        } catch (SQLException e) {
            return false;
        }
    }

    // ---- outbox, for the dispatcher ----

    /**
     * The oldest pending message of each identity, if it is due, oldest first. A later message of
     * an identity is never returned while an earlier one is still pending, so a resolution never
     * overtakes its firing message. Unreadable payloads are marked permanent on the way.
     */
    public synchronized List<OutboxMessage> dueMessages(Instant now, int limit) {
        String sql = "SELECT o.id, o.identity_name, o.payload_json, o.attempts FROM outbox o "
                + "WHERE o.status = ? AND o.next_attempt <= ? AND o.id = (SELECT MIN(p.id) FROM outbox p "
                + "WHERE p.status = ? AND p.identity_name = o.identity_name) ORDER BY o.id";
        List<OutboxMessage> out = new ArrayList<>();
        List<Long> unreadable = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, PENDING);
            ps.setLong(2, now.toEpochMilli());
            ps.setString(3, PENDING);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    readMessage(rs, out, unreadable);
                }
            }
            for (long id : unreadable) {
                setFinal(id, PERMANENT, null, null, "stored notification is unreadable");
            }
            connection.commit();
            return out;
        } catch (SQLException e) {
            rollback();
            throw failed("reading the outbox", e);
        }
    }

    /** Pending messages (due or waiting for a retry). */
    public synchronized long pendingCount() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM outbox WHERE status = ?")) {
            ps.setString(1, PENDING);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                connection.commit();
                return count;
            }
        } catch (SQLException e) {
            rollback();
            throw failed("counting the outbox", e);
        }
    }

    /** The identity's open incident, if any. */
    public synchronized Optional<Incident> incident(String identity) {
        String sql = "SELECT thread_ref, opened_at FROM incident WHERE identity_name = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, identity);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<Incident> found = rs.next()
                        ? Optional.of(new Incident(identity, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                        : Optional.empty();
                connection.commit();
                return found;
            }
        } catch (SQLException e) {
            rollback();
            throw failed("reading incidents", e);
        }
    }

    /** What a delivery does to the identity's incident. */
    public enum IncidentChange { NONE, OPEN, CLOSE }

    /** Marks a message delivered and opens or closes its identity's incident, in one commit. */
    public synchronized void recordDelivered(OutboxMessage message, String messageRef, Instant at,
                                             IncidentChange change) {
        try {
            setFinal(message.id(), DELIVERED, messageRef, at, null);
            changeIncident(message.identity(), messageRef, at, change);
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw failed("recording a delivery", e);
        }
    }

    /** Counts a failed attempt and schedules the next. */
    public synchronized void recordRetry(OutboxMessage message, Instant nextAttempt, String error) {
        String sql = "UPDATE outbox SET attempts = ?, next_attempt = ?, last_error = ? WHERE id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, message.attempts() + 1);
            ps.setLong(2, nextAttempt.toEpochMilli());
            ps.setString(3, truncate(error));
            ps.setLong(4, message.id());
            ps.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw failed("recording a retry", e);
        }
    }

    /** Keeps a message that will never be delivered as configured, out of the way of later ones. */
    public synchronized void recordPermanent(OutboxMessage message, String error) {
        try {
            setFinal(message.id(), PERMANENT, null, null, error);
            try (PreparedStatement ps = connection.prepareStatement("UPDATE outbox SET attempts = ? WHERE id = ?")) {
                ps.setInt(1, message.attempts() + 1);
                ps.setLong(2, message.id());
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw failed("recording a permanent failure", e);
        }
    }

    /** Every outbox row in order, for diagnostics and tests. */
    public synchronized List<OutboxRow> outbox() {
        String sql = "SELECT id, identity_name, status, attempts, next_attempt, message_ref, last_error "
                + "FROM outbox ORDER BY id";
        List<OutboxRow> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7)));
            }
            connection.commit();
            return rows;
        } catch (SQLException e) {
            rollback();
            throw failed("reading the outbox", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rollback();
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the state database at {} failed: {}", where, e.getMessage());
        } finally {
            if (lock != null) {
                lock.close();
            }
            if (heldFile != null) {
                OPEN_IN_THIS_JVM.remove(heldFile);
            }
        }
    }

    // ---- writing a sweep ----

    private void replaceAlertStates(Map<String, AlertState> states) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM alert_state");
        }
        String sql = "INSERT INTO alert_state (alert_key, identity_name, status, hits, clean_sweeps, first_seen, "
                + "last_notified, line_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (AlertState s : states.values()) {
                ps.setString(1, s.key());
                ps.setString(2, s.identity());
                ps.setString(3, s.status().name());
                ps.setInt(4, s.hits());
                ps.setInt(5, s.clean());
                ps.setLong(6, s.firstSeen().toEpochMilli());
                setInstant(ps, 7, s.lastNotified());
                ps.setString(8, Json.write(s.line()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void upsertSesMemory(Map<String, SesMemory> memory) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ses_memory WHERE memory_key = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO ses_memory "
                     + "(memory_key, last_status, last_success, tokens_json) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, SesMemory> e : memory.entrySet()) {
                delete.setString(1, e.getKey());
                delete.addBatch();
                insert.setString(1, e.getKey());
                insert.setString(2, e.getValue().lastStatus() == null ? null : e.getValue().lastStatus().name());
                setInstant(insert, 3, e.getValue().lastSuccess());
                insert.setString(4, Json.write(e.getValue().lastTokens()));
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    private void enqueue(List<Notification> outbox, List<String> payloads) throws SQLException {
        String sql = "INSERT INTO outbox (identity_name, payload_json, status, attempts, next_attempt, created_at) "
                + "VALUES (?, ?, ?, 0, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < outbox.size(); i++) {
                long at = outbox.get(i).at().toEpochMilli();
                ps.setString(1, outbox.get(i).identity());
                ps.setString(2, payloads.get(i));
                ps.setString(3, PENDING);
                ps.setLong(4, at);
                ps.setLong(5, at);
                ps.executeUpdate();  // one by one: ids must follow list order
            }
        }
    }

    // ---- outbox helpers ----

    private static void readMessage(ResultSet rs, List<OutboxMessage> out, List<Long> unreadable)
            throws SQLException {
        long id = rs.getLong(1);
        try {
            out.add(new OutboxMessage(id, rs.getString(2), Json.read(rs.getString(3), Notification.class),
                    rs.getInt(4)));
        } catch (IllegalArgumentException e) {
            LOG.error("outbox message {} cannot be read and will not be sent: {}", id, e.getMessage());
            unreadable.add(id);
        }
    }

    private void setFinal(long id, String status, String messageRef, Instant deliveredAt, String error)
            throws SQLException {
        String sql = "UPDATE outbox SET status = ?, message_ref = ?, delivered_at = ?, last_error = ? WHERE id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, status);
            ps.setString(2, messageRef);
            setInstant(ps, 3, deliveredAt);
            ps.setString(4, truncate(error));
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    private void changeIncident(String identity, String threadRef, Instant at, IncidentChange change)
            throws SQLException {
        if (change == IncidentChange.NONE) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM incident WHERE identity_name = ?")) {
            ps.setString(1, identity);
            ps.executeUpdate();
        }
        if (change == IncidentChange.OPEN) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO incident (identity_name, thread_ref, opened_at) VALUES (?, ?, ?)")) {
                ps.setString(1, identity);
                ps.setString(2, threadRef);
                ps.setLong(3, at.toEpochMilli());
                ps.executeUpdate();
            }
        }
    }

    // ---- opening ----

    private static Connection connect(String jdbcUrl, String user, String password, String where)
            throws StoreException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl, props);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                throw heldByAnother(where, e);
            }
            throw new StoreException("cannot open the state database at " + where + ": " + e.getMessage()
                    + "; check state.url and its credentials", e);
        }
    }

    /** The PostgreSQL single-writer lock on a connection of its own, or null for other databases. */
    private static PostgresLock lockIfPostgres(String jdbcUrl, String user, String password, String where)
            throws StoreException {
        if (!PostgresLock.appliesTo(jdbcUrl)) {
            return null;
        }
        return PostgresLock.acquire(connect(jdbcUrl, user, password, where), where);
    }

    private static void migrate(Connection connection, String where) throws StoreException {
        try {
            List<Integer> applied = Migrator.migrate(connection);
            if (!applied.isEmpty()) {
                LOG.info("state database at {} migrated to version {}", where, applied.get(applied.size() - 1));
            }
        } catch (SQLException | IOException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the migration error is the one to report
            }
            throw new StoreException("cannot migrate the state database at " + where + ": " + e.getMessage(), e);
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

    static StoreException heldByAnother(String where, Throwable cause) {
        return new StoreException("another dkim-agent holds the state at " + where + "; stop it first "
                + "(or give this one its own state.url)", cause);
    }

    // ---- small JDBC helpers ----

    private StoreAccessException failed(String what, Exception e) {
        return new StoreAccessException("state database at " + where + ": " + what + " failed: " + e.getMessage(), e);
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback on the state database at {} failed: {}", where, e.getMessage());
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
