package dev.dkimagent.agent.store;

/**
 * A Store on a database other Stores of this JVM use at the same time, as the nodes of a cluster
 * share one PostgreSQL: opened as cluster mode opens it (the shared advisory lock, so the others
 * are not refused).
 */
public final class SharedStore {

    private SharedStore() {
    }

    /** Opens {@code db} in cluster mode's shared way; the first caller migrates it. */
    public static Store open(TestDatabase db) throws Exception {
        return Store.open(db.url(), db.user(), db.password(), StoreOptions.defaults().clustered(0));
    }
}
