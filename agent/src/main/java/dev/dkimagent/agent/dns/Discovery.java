package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Names;
import dev.dkimagent.rules.model.ZoneView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Finds zones and their nameservers through the recursive resolvers, then asks the servers
 * themselves (RD=0) for the child and parent NS sets. Every query goes through {@link DnsClient},
 * so its in-flight cap and rate limit apply; nothing blocks.
 *
 * <p>Apex finding expects the identity's domain (a.test), not a record name below it: the SOA
 * owner in the answer (the domain is an apex) or in the authority section (the domain lies below
 * the apex) names the zone. NXDOMAIN for the domain names the zone too when the authority SOA
 * owner is a proper ancestor with at least two labels: a subdomain identity whose DKIM records
 * were all deleted has no names left below it, so it does not exist, yet its zone does and the
 * probes must say the records are missing there. An NXDOMAIN answered from a TLD-like zone (one
 * label: "com", "test") stays an error ("b.test does not exist (NXDOMAIN)"). A domain that is an
 * alias (CNAME) is looked up from its parent name, since an alias cannot be an apex.
 */
public final class Discovery {
    private final DnsClient client;
    private final Resolvers resolvers;
    private final NsSets nsSets;
    private final int nameserverPort;

    public Discovery(DnsClient client, List<String> resolvers) {
        this(client, resolvers, ServerAddress.DNS_PORT);
    }

    /** With authoritative servers listening on another port than 53 (test worlds, labs). */
    public Discovery(DnsClient client, List<String> resolvers, int nameserverPort) {
        this.client = client;
        this.resolvers = new Resolvers(client, resolvers);
        this.nsSets = new NsSets(client);
        this.nameserverPort = nameserverPort;
    }

    /** The apex of the zone that holds name: SOA query via the resolvers (RD=1); the owner of the SOA in the answer or authority section. */
    public CompletableFuture<ApexResult> findApex(String name) {
        String n = Names.normal(name);
        return resolvers.resolve(n, "SOA").thenCompose(r -> readApex(n, r));
    }

    /** Discovers one zone: child NS set, parent delegation NS set, addresses; override = configured "host"/"ip"/"ip:port" list or empty. */
    public CompletableFuture<ZoneView> discover(String apex, List<String> override) {
        String zone = Names.normal(apex);
        CompletableFuture<ZoneView> view = override == null || override.isEmpty()
                ? discovered(zone) : overridden(zone, override);
        return view.exceptionally(t -> ZoneView.failed(zone, "discovery failed unexpectedly: " + t));
    }

    /** A recursive query through the resolvers, failing over from one resolver to the next on transport failure or SERVFAIL/REFUSED. */
    public CompletableFuture<Answer> resolve(String name, String type) {
        return resolvers.resolve(name, type).thenApply(Resolvers.Resolved::answer);
    }

    private CompletableFuture<ApexResult> readApex(String name, Resolvers.Resolved r) {
        Answer a = r.answer();
        if (!a.isReply()) {
            return done(ApexResult.error("no resolver answered the SOA query for " + name + ": " + a.detail(),
                    !r.anyReplied()));
        }
        if (a.rcode() == Answer.NXDOMAIN) {
            return done(apexOfMissingName(r.exchange().message(), name));
        }
        if (a.rcode() != Answer.NOERROR) {
            return done(ApexResult.error("the resolvers answered " + Rcode.string(a.rcode())
                    + " to the SOA query for " + name, false));
        }
        Message m = r.exchange().message();
        if (!Replies.owned(m, Section.ANSWER, name, Type.SOA).isEmpty()) {
            return done(ApexResult.found(name));
        }
        if (!Replies.owned(m, Section.ANSWER, name, Type.CNAME).isEmpty() && !parentOf(name).equals(name)) {
            return findApex(parentOf(name));
        }
        return done(enclosingSoaOwner(m, name));
    }

    /**
     * The zone that says name does not exist, when that is a real zone rather than a TLD. "At
     * least two labels" is a simple test, not a public-suffix list: an NXDOMAIN from co.uk would
     * still make co.uk the apex; the probes then find the records missing there, which is true.
     */
    private static ApexResult apexOfMissingName(Message m, String name) {
        return m.getSection(Section.AUTHORITY).stream()
                .filter(rec -> rec.getType() == Type.SOA)
                .map(rec -> Names.normal(rec.getName().toString()))
                .filter(owner -> !owner.equals(name) && Names.isAtOrBelow(name, owner) && labels(owner) >= 2)
                .findFirst()
                .map(ApexResult::found)
                .orElse(ApexResult.error(name + " does not exist (NXDOMAIN)", false));
    }

    /** "a.test" -> 2, "test" -> 1, "." -> 0. */
    private static int labels(String name) {
        return name.equals(".") ? 0 : name.split("\\.").length;
    }

    private static ApexResult enclosingSoaOwner(Message m, String name) {
        return m.getSection(Section.AUTHORITY).stream()
                .filter(rec -> rec.getType() == Type.SOA)
                .map(rec -> Names.normal(rec.getName().toString()))
                .filter(owner -> Names.isAtOrBelow(name, owner) || owner.equals("."))
                .findFirst()
                .map(ApexResult::found)
                .orElse(ApexResult.error("the resolvers gave no SOA for " + name, false));
    }

    private CompletableFuture<ZoneView> discovered(String zone) {
        return nsNames(zone).thenCompose(ns -> {
            if (ns.error() != null) {
                return done(ZoneView.failed(zone, ns.error()));
            }
            return addressesOf(ns.names()).thenCompose(known -> {
                if (known.values().stream().noneMatch(HostAddresses::hasAddress)) {
                    return done(ZoneView.failed(zone, "no addresses found for the nameservers of " + zone + ": "
                            + String.join(", ", ns.names())));
                }
                return withNsSets(zone, known);
            });
        });
    }

    private CompletableFuture<ZoneView> withNsSets(String zone, Map<String, HostAddresses> known) {
        CompletableFuture<Set<String>> child = nsSets.fromChild(zone, flatten(known));
        CompletableFuture<Set<String>> parent = parentNs(zone);
        return child.thenCombine(parent, (c, p) -> List.of(c, p)).thenCompose(sets -> {
            Set<String> all = new TreeSet<>(known.keySet());
            all.addAll(sets.get(0));
            all.addAll(sets.get(1));
            List<String> missing = all.stream().filter(h -> !known.containsKey(h)).toList();
            return addressesOf(missing).thenApply(more -> {
                Map<String, HostAddresses> every = new LinkedHashMap<>(known);
                every.putAll(more);
                return new ZoneView(zone, sorted(every), sets.get(0), sets.get(1), false, null, problems(every));
            });
        });
    }

    private CompletableFuture<ZoneView> overridden(String zone, List<String> override) {
        CompletableFuture<Set<String>> child = nsNames(zone).thenCompose(ns -> ns.error() != null
                ? done(Set.<String>of())
                : addressesOf(ns.names()).thenCompose(known -> nsSets.fromChild(zone, flatten(known))));
        CompletableFuture<Set<String>> parent = parentNs(zone);
        CompletableFuture<Configured> servers = configured(override);
        return servers.thenCompose(conf -> child.thenCombine(parent, (c, p) -> conf.error() != null
                ? ZoneView.failed(zone, conf.error())
                : new ZoneView(zone, conf.servers(), c, p, true, null)));
    }

    /** The parent's delegation NS set for zone, best effort: empty when any step fails. */
    private CompletableFuture<Set<String>> parentNs(String zone) {
        if (zone.equals(".")) {
            return done(Set.of());
        }
        return findApex(parentOf(zone)).thenCompose(parent -> !parent.found() ? done(Set.<String>of())
                : nsNames(parent.apex()).thenCompose(ns -> ns.error() != null ? done(Set.<String>of())
                        : addressesOf(ns.names()).thenCompose(known -> nsSets.fromParent(zone, flatten(known)))));
    }

    private record NsNames(List<String> names, String error) {
    }

    /** The zone's NS names as the resolvers see them, or why there are none. */
    private CompletableFuture<NsNames> nsNames(String zone) {
        return resolvers.resolve(zone, "NS").thenApply(r -> {
            Answer a = r.answer();
            if (!a.isReply()) {
                return new NsNames(List.of(), "no resolver answered the NS query for " + zone + ": " + a.detail());
            }
            if (a.rcode() != Answer.NOERROR) {
                return new NsNames(List.of(), "the resolvers answered " + Rcode.string(a.rcode())
                        + " to the NS query for " + zone);
            }
            List<String> names = List.copyOf(Replies.nsTargets(r.exchange().message(), Section.ANSWER, zone));
            return names.isEmpty()
                    ? new NsNames(List.of(), "no NS records for " + zone + " (is it a zone apex?)")
                    : new NsNames(names, null);
        });
    }

    /** host -> its addresses (A, and AAAA when ipv6 is on) as "ip" or "ip:port", or why it has none. */
    private CompletableFuture<Map<String, HostAddresses>> addressesOf(Collection<String> hosts) {
        List<String> list = List.copyOf(hosts);
        List<CompletableFuture<HostAddresses>> lookups = list.stream().map(this::addressesOf).toList();
        return Futures.all(lookups).thenApply(found -> {
            Map<String, HostAddresses> out = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                out.put(list.get(i), found.get(i));
            }
            return out;
        });
    }

    private CompletableFuture<HostAddresses> addressesOf(String host) {
        boolean ipv6 = client.ipv6();
        List<String> types = ipv6 ? List.of("A", "AAAA") : List.of("A");
        List<CompletableFuture<HostAddresses.Lookup>> lookups = types.stream()
                .map(type -> resolve(host, type).thenApply(a -> new HostAddresses.Lookup(type, a)))
                .toList();
        return Futures.all(lookups).thenApply(done -> HostAddresses.of(done,
                done.stream().map(this::addressesIn).toList(), ipv6));
    }

    private List<String> addressesIn(HostAddresses.Lookup l) {
        return l.answer().isReply()
                ? l.answer().recordsOfType(l.type()).stream().map(rr -> withPort(rr.data())).toList()
                : List.of();
    }

    private record Configured(List<Nameserver> servers, String error) {
    }

    /** The configured servers: literal addresses as they are, host names resolved. */
    private CompletableFuture<Configured> configured(List<String> override) {
        List<CompletableFuture<List<Nameserver>>> each = override.stream().map(String::trim).map(entry ->
                ServerAddress.isLiteral(entry)
                        ? done(List.of(new Nameserver(entry, entry)))
                        : addressesOf(entry).thenApply(found -> found.addresses().stream()
                                .map(ip -> new Nameserver(entry, ip)).toList())).toList();
        return Futures.all(each).thenApply(lists -> {
            for (int i = 0; i < lists.size(); i++) {
                if (lists.get(i).isEmpty()) {
                    return new Configured(List.of(), "configured nameserver " + override.get(i).trim()
                            + " has no address (A" + (client.ipv6() ? "/AAAA" : "") + " lookup failed)");
                }
            }
            return new Configured(lists.stream().flatMap(List::stream).toList(), null);
        });
    }

    private String withPort(String ip) {
        if (nameserverPort == ServerAddress.DNS_PORT) {
            return ip;
        }
        return ip.contains(":") ? "[" + ip + "]:" + nameserverPort : ip + ":" + nameserverPort;
    }

    private static List<String> flatten(Map<String, HostAddresses> byHost) {
        List<String> out = new ArrayList<>();
        byHost.keySet().stream().sorted().forEach(h -> out.addAll(byHost.get(h).addresses()));
        return out;
    }

    /** host -> why it has no address, for the hosts without one. */
    private static Map<String, String> problems(Map<String, HostAddresses> byHost) {
        Map<String, String> out = new TreeMap<>();
        byHost.forEach((host, found) -> {
            if (!found.hasAddress()) {
                out.put(host, found.problem());
            }
        });
        return out;
    }

    private static List<Nameserver> sorted(Map<String, HostAddresses> byHost) {
        List<Nameserver> out = new ArrayList<>();
        byHost.forEach((host, found) -> found.addresses().forEach(ip -> out.add(new Nameserver(host, ip))));
        out.sort(Comparator.comparing(Nameserver::host).thenComparing(Nameserver::address));
        return List.copyOf(new java.util.LinkedHashSet<>(out));
    }

    /** "b.a.test" -> "a.test", "test" -> ".", "." -> ".". */
    static String parentOf(String name) {
        int dot = name.indexOf('.');
        if (name.equals(".")) {
            return ".";
        }
        return dot < 0 ? "." : name.substring(dot + 1);
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
