package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.model.Snapshot;
import java.util.Optional;

/** Which SOA bounds how long resolvers cache a missing record (RFC 2308). */
final class NegativeCaching {
    private NegativeCaching() {
    }

    /** The negative answer's authority SOA; else the zone's SOA as the same server serves it. */
    static Optional<SoaRecords.Soa> soaFor(Snapshot s, RecordAtServer at) {
        return Optional.ofNullable(at.primary().authoritySoa())
                .map(a -> new SoaRecords.Soa(a.serial(), a.minimum(), a.ttl()))
                .or(() -> s.soa(at.rec().zone(), at.server()).flatMap(SoaRecords::of));
    }
}
