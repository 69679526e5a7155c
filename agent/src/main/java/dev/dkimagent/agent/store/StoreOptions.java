package dev.dkimagent.agent.store;

import java.time.Clock;
import java.util.Objects;

/**
 * How the store opens and heals.
 *
 * @param moveAsideUnreadable move an existing state file that cannot be opened aside (loudly) and
 *                            start empty, instead of refusing to start
 * @param clock               paces reopen attempts (a test moves it by hand)
 */
public record StoreOptions(boolean moveAsideUnreadable, Clock clock) {

    public StoreOptions {
        Objects.requireNonNull(clock, "clock");
    }

    public static StoreOptions defaults() {
        return new StoreOptions(false, Clock.systemUTC());
    }
}
