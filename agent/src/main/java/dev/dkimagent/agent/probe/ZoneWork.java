package dev.dkimagent.agent.probe;

import dev.dkimagent.rules.model.Identity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One zone to probe: its apex and the identities whose records live in it. When no zone was found
 * for a domain, the domain stands in for the apex and {@code lookupError} says why: such a zone has
 * no servers to ask and is judged as unresolved until a sweep finds it.
 *
 * @param apex        the zone apex (normalised), or the domain whose zone was not found
 * @param identities  the identities in this zone, in inventory order
 * @param lookupError null, or why the zone could not be found
 */
public record ZoneWork(String apex, List<Identity> identities, String lookupError) {

    public ZoneWork {
        identities = List.copyOf(identities);
    }

    public boolean located() {
        return lookupError == null;
    }

    /**
     * This zone with each identity's records built once, for one probe and the judging and report
     * that follow: an inventory keeps Easy-DKIM records compact ({@code EasyDkimRecords} builds a
     * record on each read), while a zone in flight reads them many times and keys its answers by
     * their names, so it reads one set of strings. Dropped with the zone's snapshot.
     */
    public ZoneWork withRecordsBuilt() {
        List<Identity> built = new ArrayList<>(identities.size());
        identities.forEach(i -> built.add(new Identity(i.name(), i.source(), List.copyOf(i.records()))));
        return new ZoneWork(apex, built, lookupError);
    }

    /** The names this zone's findings group under (its identities and its apex): the zone owns their alerts. */
    public Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        identities.forEach(i -> groups.add(i.name()));
        groups.add(apex);
        return groups;
    }
}
