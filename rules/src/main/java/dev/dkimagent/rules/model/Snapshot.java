package dev.dkimagent.rules.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one sweep observed, immutable. Rules read only this.
 *
 * <p>Direct answers are keyed by {@link Query}. For every record name and every address of its
 * zone the sweep asks TXT, then what that answer leaves open (CNAME; A and AAAA after a CNAME
 * NODATA, to name a flattened record; see {@code matrix.RecordQueries}); every address is asked
 * the zone's SOA. They are kept as {@link DirectAnswers}, grouped by record name.
 *
 * @param at          when the sweep started
 * @param identities  what is expected
 * @param zones       discovery per zone apex
 * @param zoneOfName  the apex each expected record name belongs to
 * @param answers     direct answers from each nameserver address (RD=0)
 * @param keyAnswers  TXT at each CNAME target, through the resolvers
 * @param ses         what SES said (empty when SES is not configured)
 * @param canary      the canary rounds to judge (empty when the canary is off or not in this scope)
 */
public record Snapshot(Instant at, List<Identity> identities, Map<String, ZoneView> zones,
                       Map<String, String> zoneOfName, Map<Query, Answer> answers,
                       Map<String, Answer> keyAnswers, SesView ses, CanaryView canary) {

    /** A snapshot without canary rounds. */
    public Snapshot(Instant at, List<Identity> identities, Map<String, ZoneView> zones,
                    Map<String, String> zoneOfName, Map<Query, Answer> answers,
                    Map<String, Answer> keyAnswers, SesView ses) {
        this(at, identities, zones, zoneOfName, answers, keyAnswers, ses, CanaryView.empty());
    }

    /** A DNS-only snapshot. */
    public Snapshot(Instant at, List<Identity> identities, Map<String, ZoneView> zones,
                    Map<String, String> zoneOfName, Map<Query, Answer> answers, Map<String, Answer> keyAnswers) {
        this(at, identities, zones, zoneOfName, answers, keyAnswers, SesView.empty());
    }

    public Snapshot {
        identities = List.copyOf(identities);
        zones = Map.copyOf(zones);
        zoneOfName = Map.copyOf(zoneOfName);
        answers = DirectAnswers.of(answers); // grouped by record name; the probe's own without a copy
        keyAnswers = keyAnswers instanceof SealedMap ? keyAnswers : Map.copyOf(keyAnswers);
        ses = ses == null ? SesView.empty() : ses;
        canary = canary == null ? CanaryView.empty() : canary;
    }

    /** The same observations with SES's view attached. */
    public Snapshot withSes(SesView view) {
        return new Snapshot(at, identities, zones, zoneOfName, answers, keyAnswers, view, canary);
    }

    /** The same observations with canary rounds attached. */
    public Snapshot withCanary(CanaryView view) {
        return new Snapshot(at, identities, zones, zoneOfName, answers, keyAnswers, ses, view);
    }

    /** Only canary rounds, at {@code at}: what the canary judges on its own schedule. */
    public static Snapshot ofCanary(Instant at, CanaryView view) {
        return new Snapshot(at, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), SesView.empty(), view);
    }

    /** The zone an expected record lives in, if discovery found one. */
    public Optional<ZoneView> zoneOf(String recordName) {
        String apex = zoneOfName.get(Names.normal(recordName));
        return Optional.ofNullable(apex == null ? null : zones.get(apex));
    }

    public Optional<Answer> answer(String name, String type, String address) {
        return Optional.ofNullable(directAnswers().ofName(Names.normal(name)).get(type, address));
    }

    /** The direct answers grouped by record name: {@link #answers()} with its lookup by name. */
    public DirectAnswers directAnswers() {
        return (DirectAnswers) answers;
    }

    public Optional<Answer> soa(ZoneView zone, Nameserver server) {
        return answer(zone.apex(), "SOA", server.address());
    }

    public Optional<Answer> keyAnswer(String target) {
        return Optional.ofNullable(keyAnswers.get(Names.normal(target)));
    }
}
