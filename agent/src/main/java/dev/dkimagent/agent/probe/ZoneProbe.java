package dev.dkimagent.agent.probe;

import dev.dkimagent.agent.dns.Discovery;
import dev.dkimagent.agent.dns.DnsClient;
import dev.dkimagent.rules.matrix.RecordQueries;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.DirectAnswers;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.SealedMap;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One zone's observations, in three steps: discover the zone's nameservers, ask every address
 * directly for every expected record (TXT first, more only when needed) and the SOA, and read each CNAME target's key through the
 * resolvers (in parallel with the first two). Every query goes out through the {@link DnsClient},
 * which bounds what is in flight, a {@link Window} at a time; nothing here blocks a thread.
 * Observations, never verdicts.
 */
public final class ZoneProbe {
    private final DnsClient client;
    private final Discovery discovery;
    private final ZonePlan plan;

    public ZoneProbe(DnsClient client, Discovery discovery, Map<String, List<String>> zoneOverrides) {
        this.client = client;
        this.discovery = discovery;
        this.plan = new ZonePlan(zoneOverrides);
    }

    /** What the zone's servers and the resolvers show now, as a DNS-only snapshot taken at {@code at}. */
    public CompletableFuture<Snapshot> probe(ZoneWork located, Instant at) {
        ZoneWork work = located.withRecordsBuilt();
        Observations seen = new Observations(work);
        CompletableFuture<Void> records = discover(work)
                .thenCompose(zone -> {
                    seen.zone = zone;
                    return probeRecords(work.identities(), zone, seen);
                });
        return CompletableFuture.allOf(records, probeKeys(work.identities(), seen))
                .thenApply(ignored -> seen.snapshot(at, work));
    }

    /** Step 1: the zone's nameserver addresses; a zone that was not found keeps its reason. */
    private CompletableFuture<ZoneView> discover(ZoneWork work) {
        if (!work.located()) {
            return CompletableFuture.completedFuture(ZoneView.failed(work.apex(), work.lookupError()));
        }
        return discovery.discover(work.apex(), plan.overrideFor(work.apex()));
    }

    /**
     * Step 2: every record and the SOA, asked of every address directly (RD=0). A record starts
     * with TXT and asks more only when the answer leaves its judgement open ({@link RecordQueries}).
     */
    private CompletableFuture<Void> probeRecords(List<Identity> identities, ZoneView zone, Observations seen) {
        Map<Query, ExpectedRecord> firsts = new LinkedHashMap<>();
        for (Identity identity : identities) {
            for (ExpectedRecord record : identity.records()) {
                for (Nameserver server : zone.servers()) {
                    // one name expected as CNAME by one identity and as TXT by another: the CNAME asks more
                    firsts.merge(new Query(record.name(), RecordQueries.FIRST, server.address()), record,
                            (kept, other) -> kept.type() == RecordType.CNAME ? kept : other);
                }
            }
        }
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        sent.add(Window.run(firsts.entrySet(), window(), first -> askFollowingUp(first.getValue(), first.getKey(),
                seen)));
        Set<String> addresses = new LinkedHashSet<>();
        zone.servers().forEach(s -> addresses.add(s.address()));
        addresses.forEach(a -> sent.add(ask(new Query(zone.apex(), "SOA", a), seen).thenApply(x -> null)));
        return all(sent);
    }

    /** Asks q, then what its answer leaves open for the record, one round trip at a time. */
    private CompletableFuture<Void> askFollowingUp(ExpectedRecord record, Query q, Observations seen) {
        return ask(q, seen).thenCompose(answer -> {
            List<CompletableFuture<Void>> next = new ArrayList<>();
            for (String type : RecordQueries.after(record, q.type(), answer)) {
                next.add(askFollowingUp(record, new Query(q.name(), type, q.address()), seen));
            }
            return all(next);
        });
    }

    private CompletableFuture<Answer> ask(Query q, Observations seen) {
        return client.query(q.address(), q.name(), q.type(), false).thenApply(answer -> {
            seen.answers.put(q, answer);
            return answer;
        });
    }

    /** Step 3: the TXT key at each expected CNAME target, as receivers see it (through the resolvers). */
    private CompletableFuture<Void> probeKeys(List<Identity> identities, Observations seen) {
        List<String> targets = identities.stream()
                .flatMap(i -> i.records().stream())
                .filter(r -> r.type() == RecordType.CNAME)
                .map(ExpectedRecord::value)
                .distinct()
                .toList();
        return Window.run(targets, window(), target -> discovery.resolve(target, "TXT")
                .thenAccept(answer -> seen.keyAnswers.put(target, answer)));
    }

    /**
     * Record chains (or key look-ups) of one zone started at once: twice what the client lets be in
     * flight, so a zone alone still keeps it busy while the rest wait as plain items, not as futures.
     */
    private int window() {
        return 2 * client.settings().maxInFlight();
    }

    private static CompletableFuture<Void> all(List<CompletableFuture<Void>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    /**
     * What the steps have seen so far; thread-safe because replies complete on DNS threads. The
     * answers are collected as they arrive and handed to the snapshot without a copy (the direct
     * ones grouped by record name): every reply is in (the futures completed) before
     * {@link #snapshot} seals them. Where each record lives is known before the first query.
     */
    private static final class Observations {
        final Map<String, String> zoneOfName;
        volatile ZoneView zone;
        final DirectAnswers.Collector answers;
        final SealedMap.Collector<String, Answer> keyAnswers;

        Observations(ZoneWork work) {
            Map<String, String> names = new HashMap<>();
            work.identities().forEach(i -> i.records().forEach(r -> names.put(r.name(), work.apex())));
            zoneOfName = Map.copyOf(names); // immutable: the snapshot keeps it as it is
            // sized up front: resizing a map of 30,000 names mid-sweep ran on the DNS thread
            answers = new DirectAnswers.Collector(names.size());
            keyAnswers = new SealedMap.Collector<>(names.size());
        }

        /** Runs on the thread of the last reply, so it takes over what was collected and copies nothing. */
        Snapshot snapshot(Instant at, ZoneWork work) {
            return new Snapshot(at, work.identities(), Map.of(work.apex(), zone), zoneOfName, answers.seal(),
                    keyAnswers.seal());
        }
    }
}
