package dev.dkimagent.rules.model;

/**
 * One resource record as received.
 *
 * @param name owner name, normalised
 * @param type mnemonic ({@code CNAME}, {@code TXT}, {@code A} ...)
 * @param ttl  seconds
 * @param data CNAME/NS targets normalised (no trailing dot); TXT character-strings joined without
 *             separators (a split key is one value); others in presentation format
 */
public record Rr(String name, String type, long ttl, String data) {

    public Rr {
        name = Names.normal(name);
        if (type.equals("CNAME") || type.equals("NS")) {
            data = Names.normal(data);
        }
    }
}
