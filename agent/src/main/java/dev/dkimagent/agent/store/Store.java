package dev.dkimagent.agent.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
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

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String where;
    private final Clock clock;
    private final Path movedAside;
    private final StoreOptions options;
    private final Object writeLock = new Object();
    private final GuardedHealth health;
    /** Replaced by a reopen (under writeLock); null once closed. */
    private volatile Opened current;
    private volatile boolean closed;

    private Store(String jdbcUrl, String user, String password, String where, StoreOptions options, Opened opened,
                  Path movedAside) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.where = where;
        this.clock = options.clock();
        this.current = opened;
        this.movedAside = movedAside;
        this.options = options;
        this.health = new GuardedHealth(clock, where);
    }

    /** As {@link #open(String, String, String, StoreOptions)} with the default options. */
    public static Store open(String jdbcUrl, String user, String password) throws StoreException {
        return open(jdbcUrl, user, password, StoreOptions.defaults());
    }

    /**
     * Opens the state database (creating the directory of an H2 file), takes the single-writer
     * guarantee, opens the pool, then migrates (only the holder ever migrates) and proves it can
     * write. An existing H2 file that cannot be opened is refused ({@link UnreadableStateException}),
     * or moved aside when the options ask for that.
     */
    public static Store open(String jdbcUrl, String user, String password, StoreOptions options)
            throws StoreException {
        String where = H2Files.databasePath(jdbcUrl).map(Object::toString).orElse(SafeUrl.of(jdbcUrl));
        try {
            Opened opened = Opened.open(jdbcUrl, user, password, where, options.clock().instant(), false, options);
            return new Store(jdbcUrl, user, password, where, options, opened, null);
        } catch (UnreadableStateException e) {
            if (!options.moveAsideUnreadable()) {
                throw e;
            }
            Path aside = StateFile.moveAside(e.file(), options.clock().instant());
            LOG.error("MOVED ASIDE the unreadable state file {} to {} (--move-aside-unreadable-state): the agent "
                    + "starts with an empty state and announces every alert firing now again. Why: {}",
                    e.file(), aside, e.getMessage());
            Opened opened = Opened.open(jdbcUrl, user, password, where, options.clock().instant(), false, options);
            return new Store(jdbcUrl, user, password, where, options, opened, aside);
        }
    }

    /** Where an unreadable state file was moved at this start, if it was. */
    public Optional<Path> movedAside() {
        return Optional.ofNullable(movedAside);
    }

    /** The schema version Flyway reports after opening (for logs and tests). */
    public String schemaVersion() {
        return opened("reading the schema version").schemaVersion();
    }

    /**
     * The pool as it is now, for components that keep their own tables in the same database (a
     * clustered scheduler's job store, the cluster's shard log and zone locks). Its connections do
     * not auto-commit. A reopen replaces the pool: ask again for each connection, never keep it.
     */
    public DataSource dataSource() {
        return opened("handing out the pool").pool();
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

    // ---- health ----

    /**
     * True when the store is open, its last read or write worked and its single-writer guarantee
     * still holds (for /readyz, dkim_state_store_up and the dispatcher). A lost guarantee marks
     * the store down here.
     */
    public boolean reachable() {
        Opened opened = current;
        if (closed || opened == null || !health.up()) {
            return false;
        }
        if (!opened.usable()) {
            health.markDown("the single-writer guarantee was lost (database closed or its session ended)");
            return false;
        }
        return true;
    }

    /** Up or down, since when, and why. */
    public StoreStatus status() {
        StoreHealth.Status s = health.status();
        return new StoreStatus(s.up() && !closed, closed ? "closed" : s.reason(), s.since());
    }

    /**
     * True when a record made now would be kept: the store is reachable and one probe write
     * commits (on H2, to the file). The dispatcher asks before each post, so that nothing goes
     * out that cannot be marked delivered. A failed probe marks the store down.
     */
    public boolean canRecord() {
        if (!reachable()) {
            return false;
        }
        try {
            write("proving the store can write", c -> {
                Probe.write(c, clock.instant());
                return null;
            });
            return true;
        } catch (StoreAccessException e) {
            return false;
        }
    }

    /**
     * While up, makes a probe write every 10 s (a full disk or a read-only filesystem then shows
     * before the next real write). While the store is down and a reopen is due (1 s, 2 s, 4 s ... at most 30 s apart; see
     * {@link StoreHealth}), closes what is left of it and opens it again: the single-writer
     * guarantee first, then the pool, the schema check and a probe write. The caller calls this
     * often (every second); the pacing is here.
     */
    public void heal() {
        if (!closed && health.takeProbe()) {
            canRecord();
            return;
        }
        synchronized (writeLock) {
            Instant now = clock.instant();
            if (closed || !health.reopenDue(now)) {
                return;
            }
            Opened old = current;
            current = null;
            if (old != null) {
                old.close();
            }
            try {
                current = Opened.open(jdbcUrl, user, password, where, now, true, options);
                health.reopened(now);
            } catch (StoreException | RuntimeException e) {
                health.reopenFailed(e.getMessage(), now);
            }
        }
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
        syncEmbedded("syncing a delivery record to disk");
    }

    /**
     * On an embedded H2 file, forces what is committed onto the disk (fsync). A commit reaches
     * the file (WRITE_DELAY=0), which survives kill -9, but stays in the page cache: an I/O error
     * that remounts the filesystem read-only, or a host crash, drops it. A delivery record is the
     * one write whose loss sends a message twice; PostgreSQL syncs every commit itself.
     */
    private void syncEmbedded(String what) {
        if (H2Files.databasePath(jdbcUrl).isPresent()) {
            write(what, c -> {
                try (var st = c.createStatement()) {
                    st.execute("CHECKPOINT SYNC");
                }
                return null;
            });
        }
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

    // ---- outbox claims (V6), for agents that drain one outbox together ----

    /**
     * As {@link #dueMessages(Instant, int, String)}, but only messages nobody holds (or whose
     * holder's claim lapsed by {@code now}), each claimed for {@code node} until {@code expires}
     * in the same transaction. Two nodes never get the same message.
     */
    public List<OutboxClaim> claimDue(Instant now, int limit, String settings, String node, Instant expires) {
        return write("claiming outbox messages", c -> OutboxClaimSql.claim(c, now, limit, settings, node, expires));
    }

    /** Extends {@code node}'s claims on the pending messages {@code ids}; returns how many it still held. */
    public int renewClaims(Collection<Long> ids, String node, Instant expires) {
        return write("renewing outbox claims", c -> OutboxClaimSql.renew(c, ids, node, expires));
    }

    /** Gives up {@code node}'s claims on {@code ids}. */
    public void releaseClaims(Collection<Long> ids, String node) {
        write("releasing outbox claims", c -> OutboxClaimSql.release(c, ids, node));
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
            Opened opened = current;
            current = null;
            if (opened != null) {
                opened.close();
            }
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

    /** The open store, or a failure saying it is closed or down (without touching the database). */
    private Opened opened(String what) {
        Opened opened = current;
        if (closed || opened == null) {
            throw new StoreAccessException("state database at " + where + ": " + what + " failed: the store is "
                    + (closed ? "closed" : "being reopened"), null);
        }
        StoreHealth.Status s = health.status();
        if (!s.up()) {
            throw new StoreAccessException("state database at " + where + ": " + what + " failed: the store is "
                    + "down since " + s.since() + " (" + s.reason() + ")", null);
        }
        return opened;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        Opened opened = opened(what);
        try (Connection c = opened.pool().getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                rollback(c);
                throw StatementFault.isStatementFault(e) ? failed(what, e) : down(what, e);
            } catch (RuntimeException e) {
                rollback(c);
                throw failed(what, e);
            }
        } catch (SQLException e) {
            throw down(what, e);
        }
    }

    /** A database error: the store is down until a reopen works. */
    private StoreAccessException down(String what, SQLException e) {
        StoreAccessException failure = failed(what, e);
        health.markDown(what + " failed: " + e.getMessage() + rootCause(e));
        return failure;
    }

    /** H2 hides why a write failed ("No space left on device", "Read-only file system") in its causes. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
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
            LOG.debug("rollback on the state database at {} failed: {}", where, e.getMessage());
        }
    }
}
