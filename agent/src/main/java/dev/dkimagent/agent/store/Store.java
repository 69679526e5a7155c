package dev.dkimagent.agent.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's durable state over JDBC: tracked findings, SES memory, the outbox and open
 * incidents, as the store's own row types. Encoded documents (how a finding is shown, what a
 * message says) are kept with their format version and read back by the codec that wrote them.
 *
 * <p>Connections come from a small pool; each call is one short transaction. Writes are
 * serialized in this process (one writer at a time: zone commits, the outbox dispatcher), reads
 * are not. Only one agent may use the state: see {@link SingleWriter}.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    static final String PENDING = OutboxSql.PENDING;
    static final String DELIVERED = OutboxSql.DELIVERED;
    static final String PERMANENT = OutboxSql.PERMANENT;

    private final HikariDataSource pool;
    private final SingleWriter writer;
    private final String where;
    private final String schemaVersion;
    private final Object writeLock = new Object();
    private volatile boolean closed;

    private Store(HikariDataSource pool, SingleWriter writer, String where, String schemaVersion) {
        this.pool = pool;
        this.writer = writer;
        this.where = where;
        this.schemaVersion = schemaVersion;
    }

    /**
     * Opens the state database (creating the directory of an H2 file), takes the single-writer
     * guarantee, opens the pool, then migrates: only the holder ever migrates.
     */
    public static Store open(String jdbcUrl, String user, String password) throws StoreException {
        String where = H2Files.databasePath(jdbcUrl).map(Object::toString).orElse(SafeUrl.of(jdbcUrl));
        SingleWriter writer = SingleWriter.acquire(jdbcUrl, user, password, where);
        HikariDataSource pool = null;
        try {
            pool = Pool.open(jdbcUrl, user, password, where);
            String version = Migrations.migrate(pool, where);
            return new Store(pool, writer, where, version);
        } catch (StoreException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            writer.close();
            throw e;
        }
    }

    /** The schema version Flyway reports after opening (for logs and tests). */
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * The pool, for components that keep their own tables in the same database (a clustered
     * scheduler's job store). Its connections do not auto-commit.
     */
    public DataSource dataSource() {
        return pool;
    }

    // ---- alert states and SES memory ----

    /** Every tracked finding, by key. */
    public Map<String, AlertStateRow> alertStates() {
        return read("reading alert states", AlertStateSql::all);
    }

    /** The tracked findings whose group is one of {@code groups}, by key. */
    public Map<String, AlertStateRow> alertStates(Collection<String> groups) {
        if (groups.isEmpty()) {
            return Map.of();
        }
        return read("reading alert states", c -> AlertStateSql.ofGroups(c, groups));
    }

    /** What earlier sweeps remembered of SES, by memory key. */
    public Map<String, SesMemoryRow> sesMemory() {
        return read("reading SES memory", SesMemorySql::all);
    }

    /** Writes one change in one transaction: all of it, or (on any failure) none of it. */
    public void commit(StateChange change) {
        if (change.isEmpty()) {
            return;
        }
        write("saving state (nothing of it was saved)", c -> {
            AlertStateSql.delete(c, change.deletes());
            AlertStateSql.upsert(c, change.upserts());
            SesMemorySql.upsert(c, change.sesMemory());
            OutboxSql.enqueue(c, change.outbox());
            return null;
        });
    }

    /**
     * Forgets delivered messages delivered before {@code cutoff}, so the outbox does not grow for
     * the daemon's lifetime. Pending and permanent messages are kept (the latter for inspection).
     *
     * @return how many rows were deleted
     */
    public int purgeDelivered(Instant cutoff) {
        return write("purging delivered messages", c -> OutboxSql.purgeDelivered(c, cutoff));
    }

    /** True when the store is open and its single-writer guarantee still holds (for /readyz). */
    public boolean reachable() {
        return !closed && !pool.isClosed() && writer.held();
    }

    // ---- outbox, for the dispatcher ----

    /**
     * The oldest pending message of each identity, if it is due, oldest first. A later message of
     * an identity is never returned while an earlier one is still pending, so a resolution never
     * overtakes its firing message.
     */
    public List<OutboxMessage> dueMessages(Instant now, int limit) {
        return read("reading the outbox", c -> OutboxSql.due(c, now, limit));
    }

    /** Pending messages (due or waiting for a retry). */
    public long pendingCount() {
        return read("counting the outbox", OutboxSql::pendingCount);
    }

    /** The identity's open incident, if any. */
    public Optional<Incident> incident(String identity) {
        return read("reading incidents", c -> OutboxSql.incident(c, identity));
    }

    /** What a delivery does to the identity's incident. */
    public enum IncidentChange { NONE, OPEN, CLOSE }

    /** Marks a message delivered and opens or closes its identity's incident, in one commit. */
    public void recordDelivered(OutboxMessage message, String messageRef, Instant at, IncidentChange change) {
        write("recording a delivery", c -> {
            OutboxSql.setFinal(c, message.id(), DELIVERED, messageRef, at, null);
            OutboxSql.changeIncident(c, message.identity(), messageRef, at, change);
            return null;
        });
    }

    /** Counts a failed attempt and schedules the next. */
    public void recordRetry(OutboxMessage message, Instant nextAttempt, String error) {
        write("recording a retry", c -> {
            OutboxSql.retry(c, message, nextAttempt, error);
            return null;
        });
    }

    /** Keeps a message that will never be delivered as configured, out of the way of later ones. */
    public void recordPermanent(OutboxMessage message, String error) {
        write("recording a permanent failure", c -> {
            OutboxSql.setFinal(c, message.id(), PERMANENT, null, null, error);
            OutboxSql.setAttempts(c, message.id(), message.attempts() + 1);
            return null;
        });
    }

    /** Sets aside a message whose payload cannot be read: kept as permanent, with why, never sent. */
    public void recordUnreadable(OutboxMessage message, String why) {
        write("setting aside an unreadable message", c -> {
            OutboxSql.setFinal(c, message.id(), PERMANENT, null, null, why);
            return null;
        });
    }

    // ---- delivery state that survives a restart (V3): uncertain attempts, held messages, pauses ----

    /**
     * As {@link #dueMessages(Instant, int)}; a message held under settings whose fingerprint is not
     * {@code settings} is due at once.
     */
    public List<OutboxMessage> dueMessages(Instant now, int limit, String settings) {
        return read("reading the outbox", c -> OutboxSql.due(c, now, limit, settings));
    }

    /** Records that an attempt starts now, before anything is sent. */
    public void recordInFlight(OutboxMessage message, Instant at) {
        write("recording an attempt", c -> {
            DeliverySql.inFlight(c, message.id(), at);
            return null;
        });
    }

    /** Counts an attempt that may have been posted and schedules the next. */
    public void recordUncertain(OutboxMessage message, Instant nextAttempt, String error) {
        write("recording an uncertain attempt", c -> {
            DeliverySql.uncertain(c, message, nextAttempt, error);
            return null;
        });
    }

    /** Keeps a message the channel refused as configured (settings fingerprint {@code settings}) until {@code nextAttempt}. */
    public void recordHeld(OutboxMessage message, Instant nextAttempt, String error, String settings) {
        write("recording a held message", c -> {
            DeliverySql.held(c, message, nextAttempt, error, settings);
            return null;
        });
    }

    /** Makes every held message due now; returns how many there were. */
    public int releaseHeld(Instant now) {
        return write("releasing held messages", c -> DeliverySql.releaseHeld(c, now));
    }

    /** Pending messages held by a configuration error. */
    public long heldCount() {
        return read("counting held messages", DeliverySql::heldCount);
    }

    /** The pause a channel asked for, if one was recorded (it may be over). */
    public Optional<Instant> channelPause(String channel) {
        return read("reading the channel pause", c -> DeliverySql.pause(c, channel));
    }

    /** Records (or, with null, clears) the pause a channel asked for. */
    public void recordChannelPause(String channel, Instant until) {
        write("recording the channel pause", c -> {
            DeliverySql.setPause(c, channel, until);
            return null;
        });
    }

    /** Every outbox row in order, for diagnostics and tests. */
    public List<OutboxRow> outbox() {
        return read("reading the outbox", OutboxSql::all);
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            pool.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the state database pool at {} failed: {}", where, e.getMessage());
        } finally {
            writer.close();
        }
    }

    // ---- transactions ----

    /** One step of work on a connection inside a transaction. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String what, Work<T> work) {
        return inTransaction(what, work);
    }

    private <T> T write(String what, Work<T> work) {
        synchronized (writeLock) {
            return inTransaction(what, work);
        }
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw failed(what, e);
            }
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private StoreAccessException failed(String what, Exception e) {
        if (e instanceof StoreAccessException already) {
            return already;
        }
        return new StoreAccessException("state database at " + where + ": " + what + " failed: " + e.getMessage(), e);
    }

    private void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback on the state database at {} failed: {}", where, e.getMessage());
        }
    }
}
