package dev.dkimagent.rules.catalogue.ses;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.DigCommand;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One SES state read together with what the snapshot knows of its identity: the expected records
 * (and so the zone) and what earlier sweeps remembered.
 *
 * @param identities the snapshot identities this state is about: those with its name and its
 *                   source, else every one with its name (a config-only expectation still counts)
 * @param zone       the apex of the first expected record's zone, or null when unknown
 * @param memory     what earlier sweeps saw, if anything
 */
record SesContext(SesIdentityState state, List<Identity> identities, String zone, Optional<SesMemory> memory) {

    static List<SesContext> all(Evaluation e) {
        return e.snapshot().ses().states().stream().map(state -> of(e, state)).toList();
    }

    static SesContext of(Evaluation e, SesIdentityState state) {
        Snapshot s = e.snapshot();
        List<Identity> named = e.identitiesNamed(state.identity());
        List<Identity> sameSource = named.stream().filter(i -> state.source().equals(i.source())).toList();
        List<Identity> chosen = sameSource.isEmpty() ? named : sameSource;
        String zone = chosen.stream().flatMap(i -> i.records().stream()).findFirst()
                .flatMap(r -> s.zoneOf(r.name())).map(ZoneView::apex).orElse(null);
        return new SesContext(state, chosen, zone, Optional.ofNullable(s.ses().memory().get(SesView.memoryKey(state))));
    }

    /** The expected records this state's own tokens name (all of them when SES gave no tokens). */
    boolean ownRecord(ExpectedRecord record) {
        return state.tokens().isEmpty() || state.tokens().contains(record.selector());
    }

    Subject subject() {
        return Subject.ses(state.identity(), zone, state.source());
    }

    /** A builder with the subject and the account and region every SES finding names. */
    FindingBuilder finding(Tag tag) {
        return FindingBuilder.of(tag, subject()).arg("account", state.account()).arg("region", state.region());
    }

    /** The dig lines that show what resolvers (and SES) see for each record SES expects. */
    String recordDigs() {
        if (state.tokens().isEmpty()) {
            return DigCommand.trace("NS", zone != null ? zone : state.identity());
        }
        String type = state.byodkim() ? "TXT" : "CNAME";
        return state.tokens().stream()
                .map(token -> DigCommand.resolverShort(type, token + "._domainkey." + state.identity()))
                .collect(Collectors.joining("; "));
    }
}
