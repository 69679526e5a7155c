package dev.dkimagent.agent.bench;

import dev.dkimagent.agent.dns.QueryEvent;
import dev.dkimagent.agent.dns.QueryOutcome;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts finished queries from the DnsClient listener: direct (to the zone's nameservers, RD=0)
 * versus through the resolver (key look-ups are its TXT queries), and every outcome. Reset
 * between sweeps; the listener runs on DNS threads, so the counters are adders.
 */
final class QueryTally implements Consumer<QueryEvent> {
    /** A server replied, whatever its rcode. */
    static final Set<String> REPLIES = Set.of(QueryOutcome.NOERROR, QueryOutcome.NXDOMAIN, QueryOutcome.SERVFAIL,
            QueryOutcome.REFUSED, QueryOutcome.FORMERR, QueryOutcome.OTHER_RCODE);

    private final LongAdder direct = new LongAdder();
    private final LongAdder keyLookups = new LongAdder();
    private final LongAdder otherResolver = new LongAdder();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    @Override
    public void accept(QueryEvent event) {
        if (BenchWorld.NAMESERVERS.contains(event.address()) || BenchWorld.SILENT_SERVER.equals(event.address())) {
            direct.increment();
        } else if (event.type().equals("TXT")) {
            keyLookups.increment();
        } else {
            otherResolver.increment();
        }
        outcomes.computeIfAbsent(event.outcome(), o -> new LongAdder()).increment();
    }

    /** The counts so far, and zero again. */
    Counts takeCounts() {
        Map<String, Long> byOutcome = new TreeMap<>();
        outcomes.forEach((outcome, n) -> byOutcome.put(outcome, n.sumThenReset()));
        return new Counts(direct.sumThenReset(), keyLookups.sumThenReset(), otherResolver.sumThenReset(), byOutcome);
    }

    record Counts(long direct, long keyLookups, long otherResolver, Map<String, Long> outcomes) {
        long total() {
            return direct + keyLookups + otherResolver;
        }

        /** Queries that got no usable reply: timeouts, network errors, garbage, and those the breaker skipped. */
        long failures() {
            return outcomes.entrySet().stream().filter(e -> !REPLIES.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        /** Timeouts and the queries the breaker skipped because their address kept timing out. */
        long unanswered() {
            return outcomes.getOrDefault(QueryOutcome.TIMEOUT, 0L) + outcomes.getOrDefault(QueryOutcome.SKIPPED, 0L);
        }
    }
}
