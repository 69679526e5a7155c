package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Transport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recursive queries (RD=1) through the configured resolvers. Each lookup starts at the next
 * resolver in turn (round-robin, so the load spreads over all of them) and fails over through
 * the others in configured order, wrapping around.
 */
final class Resolvers {

    /** The exchange kept, and whether any resolver replied at all (false: all failed at transport level). */
    record Resolved(Exchange exchange, boolean anyReplied) {
        Answer answer() {
            return exchange.answer();
        }
    }

    private final DnsClient client;
    private final List<String> addresses;
    private final AtomicInteger nextStart = new AtomicInteger();

    Resolvers(DnsClient client, List<String> addresses) {
        this.client = client;
        this.addresses = List.copyOf(addresses);
    }

    /** The first reply that is not SERVFAIL/REFUSED, else the last failure. */
    CompletableFuture<Resolved> resolve(String name, String type) {
        if (addresses.isEmpty()) {
            Answer none = Answer.failed(Transport.NETWORK_ERROR, "no recursive resolver configured");
            return CompletableFuture.completedFuture(new Resolved(Exchange.failed(none), false));
        }
        int start = Math.floorMod(nextStart.getAndIncrement(), addresses.size());
        return tryFrom(start, 0, name, type, false);
    }

    /** Asks the resolver tried-many steps after start; the last one tried keeps its failure. */
    private CompletableFuture<Resolved> tryFrom(int start, int tried, String name, String type, boolean anyReplied) {
        String address = addresses.get((start + tried) % addresses.size());
        return client.exchange(address, name, type, true).thenCompose(x -> {
            boolean replied = anyReplied || x.answer().isReply();
            if (usable(x.answer()) || tried + 1 >= addresses.size()) {
                return CompletableFuture.completedFuture(new Resolved(x, replied));
            }
            return tryFrom(start, tried + 1, name, type, replied);
        });
    }

    private static boolean usable(Answer a) {
        return a.isReply() && a.rcode() != Answer.SERVFAIL && a.rcode() != Answer.REFUSED;
    }
}
