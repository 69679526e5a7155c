package dev.dkimagent.rules.model;

/** An SOA record; {@code ttl} is the record's own TTL (it bounds negative caching with minimum). */
public record Soa(String mname, String rname, long serial, long refresh, long retry, long expire,
                  long minimum, long ttl) {

    /** How long a resolver may cache an NXDOMAIN/NODATA from this zone (RFC 2308 section 5). */
    public long negativeTtl() {
        return Math.min(ttl, minimum);
    }
}
