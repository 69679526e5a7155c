package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.matrix.ServerSoa;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Soa;
import java.util.List;

/** The SOA each server of a zone serves healthily, for the zone-wide SOA comparisons. */
public record SoaServers(Nameserver server, Soa soa) {

    public static List<SoaServers> of(ZoneMatrix zone) {
        return zone.soas().stream().filter(ServerSoa::answered).filter(s -> s.soa().isPresent())
                .map(s -> new SoaServers(s.server(), s.soa().get())).toList();
    }
}
