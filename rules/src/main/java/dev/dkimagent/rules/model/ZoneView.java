package dev.dkimagent.rules.model;

import java.util.List;
import java.util.Set;

/**
 * What discovery learned about one zone.
 *
 * @param apex           the zone apex, e.g. {@code mycompany.com}
 * @param servers        every address to check: the child NS set resolved, or the configured override
 * @param childNs        the NS set the zone's own servers publish (empty if unknown)
 * @param parentNs       the NS set in the parent's delegation (empty if unknown or not looked up)
 * @param overridden     true when {@code dkim-agent.zones} named the servers
 * @param discoveryError null, or why the zone could not be discovered (no SOA, resolver failure)
 */
public record ZoneView(String apex, List<Nameserver> servers, Set<String> childNs, Set<String> parentNs,
                       boolean overridden, String discoveryError) {

    public ZoneView {
        apex = Names.normal(apex);
        servers = List.copyOf(servers);
        childNs = Set.copyOf(childNs);
        parentNs = Set.copyOf(parentNs);
    }

    public static ZoneView failed(String apex, String why) {
        return new ZoneView(apex, List.of(), Set.of(), Set.of(), false, why);
    }

    public boolean discovered() {
        return discoveryError == null;
    }
}
