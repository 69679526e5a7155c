package dev.dkimagent.agent.store;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Constructor;
import java.nio.file.Path;

/**
 * A Store on a database other Stores of this JVM use at the same time, as the nodes of a cluster
 * share one PostgreSQL: the pool and the migrations of a normal open, without the single-writer
 * lock (which would refuse the second node). Test seam until cluster mode opens the store this way
 * itself (helper {@code cluster}); then this should call that open instead.
 */
public final class SharedStore {

    private SharedStore() {
    }

    /** Opens {@code db} without taking the single-writer guarantee; the first caller migrates it. */
    public static Store open(TestDatabase db) throws Exception {
        HikariDataSource pool = Pool.open(db.url(), db.user(), db.password(), db.where(), 0);
        String version = Migrations.migrate(pool, db.where());
        Opened opened = new Opened(pool, new NoWriterLock(), version);
        Constructor<Store> constructor = Store.class.getDeclaredConstructor(String.class, String.class, String.class,
                String.class, StoreOptions.class, Opened.class, Path.class);
        constructor.setAccessible(true);
        return constructor.newInstance(db.url(), db.user(), db.password(), db.where(), StoreOptions.defaults(), opened,
                null);
    }

    /** Cluster mode's guarantee is the claims, not a lock on the whole state. */
    private static final class NoWriterLock implements SingleWriter {
        @Override
        public boolean held() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
