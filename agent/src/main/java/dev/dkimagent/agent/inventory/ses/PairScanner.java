package dev.dkimagent.agent.inventory.ses;

import java.util.HashSet;
import java.util.List;

/** The two network phases of one account x region: list + v1 attributes, then the planned v2 details. */
final class PairScanner {
    private final IdentityLister lister;
    private final DkimAttributesReader attributes = new DkimAttributesReader();
    private final DetailReader details;
    private final DetailCache cache;

    PairScanner(IdentityLister lister, DetailReader details, DetailCache cache) {
        this.lister = lister;
        this.details = details;
        this.cache = cache;
    }

    /** A failed listing leaves the pair empty: no identity of a pair we could not read. */
    void readAttributes(PairWork pair) {
        List<String> names;
        try {
            names = lister.list(pair.clients);
        } catch (SesCallFailed e) {
            pair.addError(pair.clients.caller().error(e.failure()));
            return;
        }
        pair.listed = true;
        cache.retainListed(pair.account(), pair.region(), new HashSet<>(names));
        pair.dkim = attributes.read(pair.clients, names, pair.errors);
    }

    /** A failed detail call leaves that identity undetailed; the others still get theirs. */
    void readDetails(PairWork pair) {
        for (String identity : pair.planned) {
            try {
                Detail d = details.read(pair.clients, identity);
                pair.fresh.put(identity, d);
                cache.put(pair.account(), pair.region(), identity, d);
            } catch (SesCallFailed e) {
                pair.addError(pair.clients.caller().error(e.failure()));
            }
        }
    }
}
