package dev.dkimagent.agent.cluster;

import dev.dkimagent.agent.pipeline.ZoneExclusion;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster-wide zone locks: a PostgreSQL session-level advisory lock per zone, held while this node
 * probes, judges and commits the zone, so a NOTIFY recheck on one node and the shard run on
 * another never both move the zone's alerts from the same starting state (one would overwrite the
 * other: a message sent twice, or one lost).
 *
 * <p>Every zone lock of this node lives on one session borrowed from the store's pool, so the
 * zones in flight do not each hold a connection. Locks are taken with {@code pg_try_advisory_lock}
 * (a blocking one would stall the shared session) and retried with a growing pause while another
 * node holds the zone. The key is the pair (0x646b7a6e "dkzn", CRC-32 of the lower-case apex):
 * its own lock space, apart from the single-writer key; two zones whose CRCs collide are merely
 * not run at once. If the session dies, its locks go with it: the next lock opens a new session.
 */
public final class ClusterZoneLocks implements ZoneExclusion, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterZoneLocks.class);
    /** "dkzn" in ASCII: the first key of every zone lock. */
    static final int ZONE_SPACE = 0x646b_7a6e;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final Supplier<DataSource> pool;
    private Connection session;

    public ClusterZoneLocks(Supplier<DataSource> pool) {
        this.pool = pool;
    }

    @Override
    public Held hold(String zone) throws InterruptedException {
        int key = key(zone);
        long pause = FIRST_PAUSE.toMillis();
        while (!tryLock(key)) {
            Thread.sleep(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE.toMillis());
        }
        return () -> unlock(key);
    }

    /** The second key of {@code zone}'s lock. */
    static int key(String zone) {
        CRC32 crc = new CRC32();
        crc.update(zone.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /** Ends the session (and with it every lock this node holds). */
    @Override
    public synchronized void close() {
        drop();
    }

    private synchronized boolean tryLock(int key) {
        try (PreparedStatement ps = session().prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, ZONE_SPACE);
            ps.setInt(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            drop();
            throw new IllegalStateException("cannot take the cluster-wide zone lock: " + e.getMessage(), e);
        }
    }

    private synchronized void unlock(int key) {
        if (session == null) {
            return; // the session ended: the server released its locks
        }
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, ZONE_SPACE);
            ps.setInt(2, key);
            ps.execute();
        } catch (SQLException e) {
            LOG.debug("releasing a zone lock failed; ending its session releases it: {}", e.getMessage());
            drop();
        }
    }

    private Connection session() throws SQLException {
        if (session == null) {
            Connection c = pool.get().getConnection();
            // autocommit: a session lock outlives transactions; an open one would sit idle in transaction
            c.setAutoCommit(true);
            session = c;
        }
        return session;
    }

    /** Gives the session back to the pool without a lock on it (a broken one fails here and is evicted). */
    private void drop() {
        Connection c = session;
        session = null;
        if (c != null) {
            try (c; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                ps.execute();
            } catch (SQLException e) {
                LOG.debug("closing the zone lock session: {}", e.getMessage());
            }
        }
    }
}
