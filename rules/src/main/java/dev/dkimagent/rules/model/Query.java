package dev.dkimagent.rules.model;

/** The key of one direct query: name and type asked of one nameserver address. */
public record Query(String name, String type, String address) {

    public Query {
        name = Names.normal(name);
    }
}
