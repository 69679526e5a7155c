package dev.dkimagent.agent.store;

import java.time.Instant;

/**
 * The store's health as /readyz and the logs show it.
 *
 * @param up     true when reads and writes work
 * @param reason why it is down (the failure that turned it down, or the last reopen's); "open" when up
 * @param since  when it last turned up or down
 */
public record StoreStatus(boolean up, String reason, Instant since) {
}
