package dev.dkimagent.rules.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What discovery learned about one zone.
 *
 * @param apex             the zone apex, e.g. {@code mycompany.com}
 * @param servers          every address to check: the child NS set resolved, or the configured override
 * @param childNs          the NS set the zone's own servers publish (empty if unknown)
 * @param parentNs         the NS set in the parent's delegation (empty if unknown or not looked up)
 * @param overridden       true when {@code dkim-agent.zones} named the servers
 * @param discoveryError   null, or why the zone could not be discovered (no SOA, resolver failure)
 * @param unaddressedHosts NS hosts (child, parent or resolver NS set) whose address lookup found
 *                         nothing, each with a short reason ("no A record", "A lookup timed out");
 *                         they have no entry in {@code servers}
 * @param catchingUp       addresses still catching up with the zone's newest serial (within the
 *                         propagation grace), each with a short reason: their cells are not judged
 */
public record ZoneView(String apex, List<Nameserver> servers, Set<String> childNs, Set<String> parentNs,
                       boolean overridden, String discoveryError, Map<String, String> unaddressedHosts,
                       Map<String, String> catchingUp) {

    public ZoneView {
        apex = Names.normal(apex);
        servers = List.copyOf(servers);
        childNs = Set.copyOf(childNs);
        parentNs = Set.copyOf(parentNs);
        unaddressedHosts = java.util.Collections.unmodifiableMap(new TreeMap<>(unaddressedHosts));
        catchingUp = java.util.Collections.unmodifiableMap(new TreeMap<>(catchingUp));
    }

    /** A view with no address catching up. */
    public ZoneView(String apex, List<Nameserver> servers, Set<String> childNs, Set<String> parentNs,
                    boolean overridden, String discoveryError, Map<String, String> unaddressedHosts) {
        this(apex, servers, childNs, parentNs, overridden, discoveryError, unaddressedHosts, Map.of());
    }

    /** The same view with these addresses catching up (address -> why). */
    public ZoneView withCatchingUp(Map<String, String> addresses) {
        return new ZoneView(apex, servers, childNs, parentNs, overridden, discoveryError, unaddressedHosts, addresses);
    }

    /** A view where every NS host had an address (or none was looked up). */
    public ZoneView(String apex, List<Nameserver> servers, Set<String> childNs, Set<String> parentNs,
                    boolean overridden, String discoveryError) {
        this(apex, servers, childNs, parentNs, overridden, discoveryError, Map.of());
    }

    public static ZoneView failed(String apex, String why) {
        return new ZoneView(apex, List.of(), Set.of(), Set.of(), false, why);
    }

    public boolean discovered() {
        return discoveryError == null;
    }
}
