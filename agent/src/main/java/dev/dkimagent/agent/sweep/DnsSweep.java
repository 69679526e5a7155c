package dev.dkimagent.agent.sweep;

import dev.dkimagent.agent.dns.ApexResult;
import dev.dkimagent.agent.dns.DnsClient;
import dev.dkimagent.agent.dns.Discovery;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One DNS sweep, as four steps: find each domain's zone, discover each zone's nameservers, ask
 * every address directly for every expected record, and read each CNAME target's key through
 * the resolvers. Every query goes out at once through the {@link DnsClient}, which bounds what is
 * in flight; nothing here blocks a thread.
 */
public final class DnsSweep {
    private final DnsClient client;
    private final Discovery discovery;
    private final ZonePlan plan;
    private final Clock clock;

    public DnsSweep(DnsClient client, Discovery discovery, Map<String, List<String>> zoneOverrides, Clock clock) {
        this.client = client;
        this.discovery = discovery;
        this.plan = new ZonePlan(zoneOverrides);
        this.clock = clock;
    }

    public CompletableFuture<SweepResult> run(List<Identity> identities) {
        Instant at = clock.instant();
        Observations seen = new Observations();
        return findZones(ZonePlan.domains(identities), seen)
                .thenCompose(ignored -> discoverZones(seen))
                .thenCompose(ignored -> CompletableFuture.allOf(probeRecords(identities, seen), probeKeys(identities, seen)))
                .thenApply(ignored -> seen.result(at, identities));
    }

    /** Step 1: the apex of each domain (a configured override wins over the resolvers). */
    private CompletableFuture<Void> findZones(List<String> domains, Observations seen) {
        List<CompletableFuture<Void>> lookups = new ArrayList<>();
        for (String domain : domains) {
            var override = plan.overrideApexFor(domain);
            if (override.isPresent()) {
                seen.apexOfDomain.put(domain, override.get());
                continue;
            }
            seen.resolverLookups.incrementAndGet();
            lookups.add(discovery.findApex(domain).thenAccept(result -> seen.recordApex(domain, result)));
        }
        return all(lookups);
    }

    /** Step 2: the nameserver addresses of each zone. */
    private CompletableFuture<Void> discoverZones(Observations seen) {
        List<CompletableFuture<Void>> discoveries = new ArrayList<>();
        for (String apex : new LinkedHashSet<>(seen.apexOfDomain.values())) {
            if (seen.zones.containsKey(apex)) {
                continue; // a failed lookup already left its explanation
            }
            discoveries.add(discovery.discover(apex, plan.overrideFor(apex))
                    .thenAccept(zone -> seen.zones.put(apex, zone)));
        }
        return all(discoveries);
    }

    /** Step 3: every record and the SOA, asked of every address directly (RD=0). */
    private CompletableFuture<Void> probeRecords(List<Identity> identities, Observations seen) {
        Set<Query> queries = new LinkedHashSet<>();
        for (Identity identity : identities) {
            ZoneView zone = seen.zoneOfDomain(identity.name());
            for (ExpectedRecord record : identity.records()) {
                for (Nameserver server : zone.servers()) {
                    queries.add(new Query(record.name(), record.type().name(), server.address()));
                    queries.add(new Query(record.name(), "TXT", server.address()));
                }
            }
        }
        for (ZoneView zone : seen.zones.values()) {
            zone.servers().forEach(s -> queries.add(new Query(zone.apex(), "SOA", s.address())));
        }
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Query q : queries) {
            sent.add(ask(q, seen).thenCompose(answer -> followUpNoData(q, answer, seen)));
        }
        return all(sent);
    }

    /** A CNAME that came back NODATA: ask A and AAAA to name what is there instead (flattening). */
    private CompletableFuture<Void> followUpNoData(Query q, Answer answer, Observations seen) {
        if (!q.type().equals(RecordType.CNAME.name()) || !answer.isNoData("CNAME")) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(
                ask(new Query(q.name(), "A", q.address()), seen),
                ask(new Query(q.name(), "AAAA", q.address()), seen));
    }

    private CompletableFuture<Answer> ask(Query q, Observations seen) {
        return client.query(q.address(), q.name(), q.type(), false).thenApply(answer -> {
            seen.answers.put(q, answer);
            return answer;
        });
    }

    /** Step 4: the TXT key at each expected CNAME target, as receivers see it (through the resolvers). */
    private CompletableFuture<Void> probeKeys(List<Identity> identities, Observations seen) {
        List<CompletableFuture<Void>> lookups = new ArrayList<>();
        identities.stream()
                .flatMap(i -> i.records().stream())
                .filter(r -> r.type() == RecordType.CNAME)
                .map(ExpectedRecord::value)
                .distinct()
                .forEach(target -> lookups.add(discovery.resolve(target, "TXT")
                        .thenAccept(answer -> seen.keyAnswers.put(target, answer))));
        return all(lookups);
    }

    private static CompletableFuture<Void> all(List<CompletableFuture<Void>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    /** What the steps have seen so far; thread-safe because replies complete on DNS threads. */
    private static final class Observations {
        final Map<String, String> apexOfDomain = new ConcurrentHashMap<>();
        final Map<String, ZoneView> zones = new ConcurrentHashMap<>();
        final Map<Query, Answer> answers = new ConcurrentHashMap<>();
        final Map<String, Answer> keyAnswers = new ConcurrentHashMap<>();
        final AtomicInteger resolverLookups = new AtomicInteger();
        final AtomicInteger resolverUnreachable = new AtomicInteger();

        void recordApex(String domain, ApexResult result) {
            if (result.apex() != null) {
                apexOfDomain.put(domain, result.apex());
                return;
            }
            if (result.resolverUnreachable()) {
                resolverUnreachable.incrementAndGet();
            }
            // No zone: keep the reason under the domain's own name so rules can say why.
            apexOfDomain.put(domain, domain);
            zones.put(domain, ZoneView.failed(domain, result.error()));
        }

        ZoneView zoneOfDomain(String domain) {
            return zones.get(apexOfDomain.get(domain));
        }

        SweepResult result(Instant at, List<Identity> identities) {
            Map<String, String> zoneOfName = new HashMap<>();
            for (Identity identity : identities) {
                String apex = apexOfDomain.get(identity.name());
                identity.records().forEach(r -> zoneOfName.put(r.name(), apex));
            }
            boolean blind = resolverLookups.get() > 0 && resolverUnreachable.get() == resolverLookups.get();
            return new SweepResult(new Snapshot(at, identities, zones, zoneOfName, answers, keyAnswers), blind);
        }
    }
}
