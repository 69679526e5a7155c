package dev.dkimagent.agent.probe;

import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which configured zone override covers a domain. A domain under an override is not looked up
 * through the resolvers: hidden primaries and test servers are often unknown to them.
 */
final class ZonePlan {
    private final Map<String, List<String>> overrides;

    ZonePlan(Map<String, List<String>> overrides) {
        this.overrides = overrides;
    }

    /** The longest override apex at or above {@code domain}. */
    Optional<String> overrideApexFor(String domain) {
        return overrides.keySet().stream()
                .filter(apex -> Names.isAtOrBelow(domain, apex))
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }

    List<String> overrideFor(String apex) {
        return overrides.getOrDefault(apex, List.of());
    }

    static List<String> domains(List<Identity> identities) {
        return identities.stream().map(Identity::name).distinct().toList();
    }
}
