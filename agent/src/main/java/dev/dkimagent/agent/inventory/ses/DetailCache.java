package dev.dkimagent.agent.inventory.ses;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * v2 details remembered across scans (in memory: a restart refetches them within the budget), and
 * the Easy-DKIM hosted zone learned per region.
 */
final class DetailCache {
    private final Map<String, Detail> details = new ConcurrentHashMap<>();
    private final Map<String, String> zones = new ConcurrentHashMap<>();

    Optional<Detail> get(String account, String region, String identity) {
        return Optional.ofNullable(details.get(key(account, region, identity)));
    }

    void put(String account, String region, String identity, Detail detail) {
        details.put(key(account, region, identity), detail);
        if (detail.teachesZone()) {
            zones.put(region, detail.signingHostedZone());
        }
    }

    Optional<String> zone(String region) {
        return Optional.ofNullable(zones.get(region));
    }

    /** Forgets identities that a complete listing of their account x region no longer shows. */
    void retainListed(String account, String region, Set<String> listed) {
        String prefix = account + "|" + region + "|";
        details.keySet().removeIf(k -> k.startsWith(prefix) && !listed.contains(k.substring(prefix.length())));
    }

    private static String key(String account, String region, String identity) {
        return account + "|" + region + "|" + identity;
    }
}
