package dev.dkimagent.rules.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An SOA record; {@code ttl} is the record's own TTL (it bounds negative caching with minimum). */
public record Soa(String mname, String rname, long serial, long refresh, long retry, long expire,
                  long minimum, long ttl) {
    private static final int FIELDS = 7;

    /** How long a resolver may cache an NXDOMAIN/NODATA from this zone (RFC 2308 section 5). */
    public long negativeTtl() {
        return Math.min(ttl, minimum);
    }

    /** "mname. rname. serial refresh retry expire minimum". */
    public String presentation() {
        return mname + ". " + rname + ". " + serial + " " + refresh + " " + retry + " " + expire + " " + minimum;
    }

    /**
     * Reads presentation text ("mname rname serial refresh retry expire minimum", parentheses
     * tolerated); empty when it does not parse. Only for observations written as text.
     */
    static Optional<Soa> fromPresentation(String data, long ttl) {
        List<String> f = Arrays.stream(data.replace("(", " ").replace(")", " ").trim().split("\\s+"))
                .filter(x -> !x.isEmpty()).toList();
        if (f.size() < FIELDS) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Soa(Names.normal(f.get(0)), Names.normal(f.get(1)), Long.parseLong(f.get(2)),
                    Long.parseLong(f.get(3)), Long.parseLong(f.get(4)), Long.parseLong(f.get(5)),
                    Long.parseLong(f.get(6)), ttl));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
