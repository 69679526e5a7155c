package dev.dkimagent.rules.model;

/** The key of one direct query: name and type asked of one nameserver address. */
public record Query(String name, String type, String address) {

    public Query {
        name = Names.normal(name);
    }

    // Written out: the generated record methods go through method handles, which C1-only short
    // commands (bin/dkim-agent check) run slowly, and judging looks up hundreds of thousands of keys.
    @Override
    public boolean equals(Object o) {
        return o instanceof Query q && name.equals(q.name) && type.equals(q.type) && address.equals(q.address);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + type.hashCode()) * 31 + address.hashCode();
    }
}
