package dev.dkimagent.agent.probe;

import dev.dkimagent.rules.model.Names;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each identity's records live: the zones of one inventory, in first-seen order.
 *
 * @param zones                by apex
 * @param resolversUnreachable true when no resolver answered any apex look-up: nothing was seen,
 *                             and the index must not be judged as if DNS were empty
 */
public record ZoneIndex(Map<String, ZoneWork> zones, boolean resolversUnreachable) {

    public ZoneIndex {
        zones = Collections.unmodifiableMap(new LinkedHashMap<>(zones));
    }

    public static ZoneIndex empty() {
        return new ZoneIndex(Map.of(), false);
    }

    public Optional<ZoneWork> zone(String apex) {
        return Optional.ofNullable(zones.get(Names.normal(apex)));
    }
}
