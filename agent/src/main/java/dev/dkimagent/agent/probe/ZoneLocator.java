package dev.dkimagent.agent.probe;

import dev.dkimagent.agent.dns.ApexResult;
import dev.dkimagent.agent.dns.Discovery;
import dev.dkimagent.rules.model.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 1 of a sweep: the apex of each identity's domain (a configured override wins over the
 * resolvers), so identities can be grouped by zone. One resolver look-up per domain, all at once
 * through the DNS client, which bounds what is in flight.
 */
public final class ZoneLocator {
    private final Discovery discovery;
    private final ZonePlan plan;

    public ZoneLocator(Discovery discovery, Map<String, List<String>> zoneOverrides) {
        this.discovery = discovery;
        this.plan = new ZonePlan(zoneOverrides);
    }

    public CompletableFuture<ZoneIndex> locate(List<Identity> identities) {
        Map<String, ApexResult> found = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> lookups = new ArrayList<>();
        for (String domain : ZonePlan.domains(identities)) {
            var override = plan.overrideApexFor(domain);
            if (override.isPresent()) {
                found.put(domain, new ApexResult(override.get(), null, false));
            } else {
                lookups.add(discovery.findApex(domain).thenAccept(result -> found.put(domain, result)));
            }
        }
        int asked = lookups.size();
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> index(identities, found, asked));
    }

    private static ZoneIndex index(List<Identity> identities, Map<String, ApexResult> found, int asked) {
        Map<String, List<Identity>> byApex = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        int unreachable = 0;
        for (String domain : ZonePlan.domains(identities)) {
            ApexResult result = found.get(domain);
            if (!result.found()) {
                // no zone: the domain stands in for it, with the reason, so rules can say why
                errors.putIfAbsent(domain, result.error());
                unreachable += result.resolverUnreachable() ? 1 : 0;
            }
        }
        for (Identity identity : identities) {
            ApexResult result = found.get(identity.name());
            String apex = result.found() ? result.apex() : identity.name();
            byApex.computeIfAbsent(apex, k -> new ArrayList<>()).add(identity);
        }
        Map<String, ZoneWork> zones = new LinkedHashMap<>();
        byApex.forEach((apex, members) -> zones.put(apex, new ZoneWork(apex, members, errors.get(apex))));
        return new ZoneIndex(zones, asked > 0 && unreachable == asked);
    }
}
