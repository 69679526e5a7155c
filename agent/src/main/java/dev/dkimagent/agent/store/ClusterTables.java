package dev.dkimagent.agent.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The tables several nodes share in cluster mode for one view of the metrics: named leases,
 * each zone's series as its judging node stored them, and reads of the cluster's own state
 * (Quartz check-ins, shard runs). Each call is one short transaction of its own; a failure is a
 * {@link StoreAccessException} (the caller retries on its next tick).
 *
 * <p>Times come from the caller's clock: the nodes' clocks must agree within a second, as
 * Quartz's clustering already requires.
 */
public final class ClusterTables {
    private final Supplier<DataSource> pool;

    /** @param pool where connections come from now (a store's pool is replaced when it reopens) */
    public ClusterTables(Supplier<DataSource> pool) {
        this.pool = pool;
    }

    /** On one fixed pool. */
    public static ClusterTables on(DataSource pool) {
        return new ClusterTables(() -> pool);
    }

    // ---- leases ----

    /**
     * Takes the lease {@code name} for {@code holder} until {@code until}, or renews it: true when
     * {@code holder} holds it now; false while another holder's lease has not expired at {@code now}.
     */
    public boolean holdLease(String name, String holder, Instant now, Instant until) {
        if (run("renewing lease " + name, c -> LeaseSql.renewOrTakeExpired(c, name, holder, now, until))) {
            return true;
        }
        try {
            run("taking lease " + name, c -> {
                LeaseSql.insert(c, name, holder, until);
                return null;
            });
            return true;
        } catch (StoreAccessException e) {
            if (e.getCause() instanceof SQLException s && LeaseSql.DUPLICATE_KEY.equals(s.getSQLState())) {
                return false; // another node holds it (or took it a moment ago)
            }
            throw e;
        }
    }

    /** Lets the lease go at once if {@code holder} holds it (a clean stop: another node takes over). */
    public void releaseLease(String name, String holder) {
        run("releasing lease " + name, c -> {
            LeaseSql.release(c, name, holder);
            return null;
        });
    }

    // ---- zone series ----

    /** Stores the zone's series document, judged at {@code at}; updated_at moves only if it changed. */
    public void putZoneSeries(String zone, Document series, Instant at) {
        boolean stored = run("storing the series of zone " + zone, c -> ZoneSeriesSql.update(c, zone, series, at));
        if (!stored) {
            try {
                run("storing the series of zone " + zone, c -> {
                    ZoneSeriesSql.insert(c, zone, series, at);
                    return null;
                });
            } catch (StoreAccessException e) {
                // another node inserted it a moment ago (a shard moved mid-run): store ours over it
                run("storing the series of zone " + zone, c -> ZoneSeriesSql.update(c, zone, series, at));
            }
        }
    }

    /** Marks these zones judged at {@code at}: a sweep covered them, so they are still in the inventory. */
    public void touchZoneSeries(Collection<String> zones, Instant at) {
        if (!zones.isEmpty()) {
            run("marking zones judged", c -> ZoneSeriesSql.touch(c, zones, at));
        }
    }

    /** The zones whose series document changed after {@code since} (all in memory: for small reads and tests). */
    public List<ZoneSeriesRow> zoneSeriesChangedAfter(Instant since) {
        List<ZoneSeriesRow> rows = new ArrayList<>();
        zoneSeriesChangedAfter(since, rows::add);
        return rows;
    }

    /**
     * Hands each zone whose series document changed after {@code since} to {@code each}, streamed
     * a few rows at a time (on PostgreSQL too: the transaction keeps a cursor); returns how many.
     */
    public int zoneSeriesChangedAfter(Instant since, Consumer<ZoneSeriesRow> each) {
        return run("reading changed zone series", c -> ZoneSeriesSql.changedAfter(c, since, each));
    }

    /** Every zone that has series. */
    public Set<String> zoneSeriesZones() {
        return run("listing zone series", ZoneSeriesSql::zones);
    }

    /** Forgets the series of zones no sweep covered since {@code cutoff}; returns how many. */
    public int expireZoneSeries(Instant cutoff) {
        return run("expiring zone series", c -> ZoneSeriesSql.deleteJudgedBefore(c, cutoff));
    }

    // ---- cluster state (PostgreSQL with the cluster tables only) ----

    /** Nodes whose Quartz check-in is at most two check-in intervals old. */
    public int liveNodes(Instant now) {
        return run("counting live nodes", c -> ClusterStateSql.liveNodes(c, now));
    }

    /** Every shard's current or last run, by shard number. */
    public List<ShardRow> shards() {
        return run("reading shard runs", ClusterStateSql::shards);
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(String what, Work<T> work) {
        try (Connection c = pool.get().getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreAccessException("state database: " + what + " failed: " + e.getMessage(), e);
        }
    }
}
