package dev.dkimagent.rules.model;

/**
 * One resource record as received.
 *
 * @param name owner name, normalised
 * @param type mnemonic ({@code CNAME}, {@code TXT}, {@code A} ...)
 * @param ttl  seconds
 * @param data CNAME/NS targets normalised (no trailing dot); TXT character-strings joined without
 *             separators (a split key is one value); others in presentation format
 * @param soa  for an SOA record, its fields typed (the wire reader fills them); else null
 */
public record Rr(String name, String type, long ttl, String data, Soa soa) {

    public Rr {
        name = Names.normal(name);
        if (type.equals("CNAME") || type.equals("NS")) {
            data = Names.normal(data);
        }
    }

    /**
     * A record from presentation text. An SOA written this way (tests, zone files) is read into
     * its typed fields here, once, so nothing downstream parses text.
     */
    public Rr(String name, String type, long ttl, String data) {
        this(name, type, ttl, data, type.equals("SOA") ? Soa.fromPresentation(data, ttl).orElse(null) : null);
    }

    /** An SOA record with its typed fields (what the wire reader builds). */
    public static Rr soa(String owner, Soa soa) {
        return new Rr(owner, "SOA", soa.ttl(), soa.presentation(), soa);
    }
}
