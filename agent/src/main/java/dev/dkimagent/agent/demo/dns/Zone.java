package dev.dkimagent.agent.demo.dns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * One zone's data, as an authoritative server holds it: the SOA at the apex and records by owner
 * name. Answers lookups the way RFC 1034 4.3.2 describes for data without delegations.
 */
public final class Zone {

    /** What a lookup found: the answer records, or why there are none (NODATA, NXDOMAIN). */
    public record Lookup(Kind kind, List<Record> answer) {
        public enum Kind { ANSWER, NODATA, NXDOMAIN }
    }

    private final Name apex;
    private final SOARecord soa;
    private final Map<Name, List<Record>> byName = new LinkedHashMap<>();

    private Zone(Name apex, SOARecord soa, List<Record> records) {
        this.apex = apex;
        this.soa = soa;
        for (Record r : records) {
            byName.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
        }
    }

    /** A zone from its records; they must include one SOA at the apex and all lie at or below it. */
    public static Zone of(List<Record> records) {
        List<SOARecord> soas = records.stream().filter(SOARecord.class::isInstance).map(SOARecord.class::cast).toList();
        if (soas.size() != 1) {
            throw new IllegalArgumentException("a zone needs exactly one SOA record, got " + soas.size());
        }
        Name apex = soas.get(0).getName();
        records.stream().filter(r -> !r.getName().subdomain(apex)).findFirst().ifPresent(r -> {
            throw new IllegalArgumentException(r.getName() + " lies outside zone " + apex);
        });
        return new Zone(apex, soas.get(0), records);
    }

    public Name apex() {
        return apex;
    }

    public SOARecord soa() {
        return soa;
    }

    /** True when name is this zone's apex or lies below it. */
    public boolean covers(Name name) {
        return name.subdomain(apex);
    }

    /** The records of type at name; a CNAME stands in for any other type (the client follows it). */
    public Lookup lookup(Name name, int type) {
        List<Record> here = byName.getOrDefault(name, List.of());
        List<Record> matching = here.stream().filter(r -> r.getType() == type || type == Type.ANY).toList();
        if (!matching.isEmpty()) {
            return new Lookup(Lookup.Kind.ANSWER, matching);
        }
        List<Record> alias = here.stream().filter(r -> r.getType() == Type.CNAME).toList();
        if (!alias.isEmpty()) {
            return new Lookup(Lookup.Kind.ANSWER, alias);
        }
        return new Lookup(exists(name) ? Lookup.Kind.NODATA : Lookup.Kind.NXDOMAIN, List.of());
    }

    /** A name exists when it owns records or has names below it (an empty non-terminal). */
    private boolean exists(Name name) {
        return byName.keySet().stream().anyMatch(owner -> owner.subdomain(name));
    }
}
