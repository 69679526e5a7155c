package dev.dkimagent.agent.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's row in {@code cluster_node}, renewed at every check-in, and a look at the others:
 * a live node (checked in within {@value #LIVE_CHECK_INS} check-ins) that runs another version or
 * other settings is logged once per change (WARN) and counted in {@link #mismatches()}. A node
 * that judges with other rule levels would alert differently from the rest: settings must not
 * split silently.
 */
public final class NodeRegistry implements AutoCloseable {
    static final int LIVE_CHECK_INS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistry.class);

    /** Asked at each check-in: the store replaces its pool when it reopens after an outage. */
    private final Supplier<DataSource> db;
    private final String nodeId;
    private final ConfigHash hash;
    private final Clock clock;
    private final Duration checkIn;
    private final Instant startedAt;
    private final ScheduledExecutorService timer;
    private volatile int mismatches;
    /** The differing nodes last logged (node, version, hash), to log each change once; empty = agreed. */
    private List<String> reported = List.of();
    private boolean failing;

    /** Not started: {@link #checkIn()} by hand (tests), or {@link #start} for the timer. */
    NodeRegistry(Supplier<DataSource> db, String nodeId, ConfigHash hash, Clock clock, Duration checkIn,
                 ScheduledExecutorService timer) {
        this.db = db;
        this.nodeId = nodeId;
        this.hash = hash;
        this.clock = clock;
        this.checkIn = checkIn;
        this.startedAt = clock.instant();
        this.timer = timer;
    }

    /**
     * Registers this node now and again every {@code checkIn} on a daemon thread of its own, until
     * closed. A database that does not answer only delays the next row (the store reports it).
     */
    public static NodeRegistry start(Supplier<DataSource> db, String nodeId, ConfigHash hash, Clock clock, Duration checkIn) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-node-registry");
            t.setDaemon(true);
            return t;
        });
        NodeRegistry registry = new NodeRegistry(db, nodeId, hash, clock, checkIn, timer);
        timer.scheduleWithFixedDelay(registry::checkInQuietly, 0, checkIn.toMillis(), TimeUnit.MILLISECONDS);
        return registry;
    }

    /** Live nodes whose version or settings differ from this node's, as of the last check-in. */
    public int mismatches() {
        return mismatches;
    }

    /** Upserts this node's row, then compares it with the other live nodes. */
    synchronized void checkIn() throws SQLException {
        Instant now = clock.instant();
        List<NodeRow> live;
        try (Connection c = db.get().getConnection()) {
            try {
                NodeSql.upsert(c, new NodeRow(nodeId, hash.version(), hash.sha256(), startedAt, now));
                live = NodeSql.seenSince(c, now.minus(checkIn.multipliedBy(LIVE_CHECK_INS)));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        List<NodeRow> differing = live.stream().filter(n -> !n.nodeId().equals(nodeId))
                .filter(n -> n.differsFrom(hash)).toList();
        mismatches = differing.size();
        report(differing);
    }

    private void report(List<NodeRow> differing) {
        List<String> now = differing.stream().map(n -> n.nodeId() + " " + n.version() + " " + n.configHash()).toList();
        if (now.equals(reported)) {
            return;
        }
        if (differing.isEmpty()) {
            LOG.info("cluster settings agree again: every live node runs version {} with settings {}",
                    hash.version(), hash.shortHash());
        } else {
            LOG.warn("cluster nodes disagree: this node {} runs version {} with settings {}, but {}. Nodes with"
                    + " other settings judge and alert differently; roll the same version and configuration out"
                    + " to every node (docs/operations.md, \"Cluster\")", nodeId, hash.version(), hash.shortHash(),
                    differing.stream().map(NodeRow::describe).collect(Collectors.joining(", ")));
        }
        reported = now;
    }

    private synchronized void checkInQuietly() {
        try {
            checkIn();
            if (failing) {
                LOG.info("cluster check-in works again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warn("cluster check-in failed (retried every {}): {}", checkIn, e.getMessage());
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
