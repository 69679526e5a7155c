package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Transport;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Recursive queries (RD=1) through the configured resolvers, in order, failing over. */
final class Resolvers {

    /** The exchange kept, and whether any resolver replied at all (false: all failed at transport level). */
    record Resolved(Exchange exchange, boolean anyReplied) {
        Answer answer() {
            return exchange.answer();
        }
    }

    private final DnsClient client;
    private final List<String> addresses;

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
        return tryFrom(0, name, type, false);
    }

    private CompletableFuture<Resolved> tryFrom(int index, String name, String type, boolean anyReplied) {
        return client.exchange(addresses.get(index), name, type, true).thenCompose(x -> {
            boolean replied = anyReplied || x.answer().isReply();
            if (usable(x.answer()) || index + 1 >= addresses.size()) {
                return CompletableFuture.completedFuture(new Resolved(x, replied));
            }
            return tryFrom(index + 1, name, type, replied);
        });
    }

    private static boolean usable(Answer a) {
        return a.isReply() && a.rcode() != Answer.SERVFAIL && a.rcode() != Answer.REFUSED;
    }
}
