package dev.dkimagent.agent.store;

import java.time.Clock;
import java.util.Objects;

/**
 * How the store opens and heals.
 *
 * @param moveAsideUnreadable move an existing state file that cannot be opened aside (loudly) and
 *                            start empty, instead of refusing to start
 * @param clock               paces reopen attempts (a test moves it by hand)
 * @param shared              cluster mode: the state is shared with other cluster agents (a shared
 *                            advisory lock instead of the exclusive one; PostgreSQL only)
 * @param extraConnections    connections the pool holds beyond the store's own, for what shares it
 *                            (a clustered scheduler's job store, the cluster's zone locks)
 */
public record StoreOptions(boolean moveAsideUnreadable, Clock clock, boolean shared, int extraConnections) {

    public StoreOptions {
        Objects.requireNonNull(clock, "clock");
        if (extraConnections < 0) {
            throw new IllegalArgumentException("extraConnections must be >= 0, got " + extraConnections);
        }
    }

    /** Single mode: one agent on the state, the pool for the store alone. */
    public StoreOptions(boolean moveAsideUnreadable, Clock clock) {
        this(moveAsideUnreadable, clock, false, 0);
    }

    public static StoreOptions defaults() {
        return new StoreOptions(false, Clock.systemUTC());
    }

    /** These options in cluster mode, with {@code extraConnections} in the pool for the cluster's parts. */
    public StoreOptions clustered(int extraConnections) {
        return new StoreOptions(moveAsideUnreadable, clock, true, extraConnections);
    }
}
