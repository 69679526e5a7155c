package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.dns.QueryEvent;
import dev.dkimagent.agent.dns.QueryOutcome;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Whether the resolvers answered during a check: counts the queries sent to them (RD=1) and the
 * replies, whatever their rcode. A check whose resolver queries all went unanswered could not read
 * a key or find a zone, whatever the zone overrides spared it, and exits 3 instead of judging.
 */
final class ResolverWatch implements Consumer<QueryEvent> {
    private static final Set<String> REPLIES = Set.of(QueryOutcome.NOERROR, QueryOutcome.NXDOMAIN,
            QueryOutcome.SERVFAIL, QueryOutcome.REFUSED, QueryOutcome.FORMERR, QueryOutcome.OTHER_RCODE);

    private final LongAdder asked = new LongAdder();
    private final LongAdder replied = new LongAdder();

    @Override
    public void accept(QueryEvent event) {
        if (event.recursive()) {
            asked.increment();
            if (REPLIES.contains(event.outcome())) {
                replied.increment();
            }
        }
    }

    /** Resolver queries were sent and not one got a reply (timeouts, garbage, replies to other queries ...). */
    boolean noneAnswered() {
        return asked.sum() > 0 && replied.sum() == 0;
    }
}
