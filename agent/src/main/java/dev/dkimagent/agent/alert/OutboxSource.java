package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.OutboxClaim;
import dev.dkimagent.agent.store.OutboxMessage;
import dev.dkimagent.agent.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Where the dispatcher takes its due messages from: the whole outbox (one agent per state), or
 * the messages this node claimed ({@link LeasedOutbox}, cluster mode).
 */
interface OutboxSource extends AutoCloseable {

    /** Due messages, per identity only the oldest pending one, at most {@code limit}. */
    List<OutboxClaim> take(Instant now, int limit, String settings);

    /** Right before a message is sent: true while it is still this node's to send. */
    boolean hold(OutboxMessage message);

    /** Gives back what {@link #take} returned and was not finished (a no-op without claims). */
    void release();

    @Override
    void close();

    static OutboxSource of(Store store, Clock clock, ClaimPolicy policy) {
        return policy.clustered() ? new LeasedOutbox(store, clock, policy) : new WholeOutbox(store);
    }

    /** One agent per state: every due message is this agent's. */
    final class WholeOutbox implements OutboxSource {
        private final Store store;

        WholeOutbox(Store store) {
            this.store = store;
        }

        @Override
        public List<OutboxClaim> take(Instant now, int limit, String settings) {
            return store.dueMessages(now, limit, settings).stream().map(m -> new OutboxClaim(m, null))
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        }

        @Override
        public boolean hold(OutboxMessage message) {
            return true;
        }

        @Override
        public void release() {
        }

        @Override
        public void close() {
        }
    }
}
