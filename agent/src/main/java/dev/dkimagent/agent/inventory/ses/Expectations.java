package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.agent.inventory.MergedRecords;
import dev.dkimagent.rules.model.EasyDkimRecords;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.SesIdentityState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The records SES needs, one {@link Identity} per domain: a domain in several accounts or regions is
 * merged (records de-duplicated) so every record is checked once.
 */
final class Expectations {
    static final String DEFAULT_ZONE = "dkim.amazonses.com";

    private Expectations() {
    }

    /** {@code zoneOf} gives the zone learned for a region, or null. Domains without records are left out. */
    static List<Identity> of(List<SesIdentityState> states, Function<String, String> zoneOf) {
        Map<String, MergedRecords> records = new TreeMap<>();
        Map<String, Set<String>> sources = new TreeMap<>();
        for (SesIdentityState s : states) {
            List<ExpectedRecord> own = recordsOf(s, zoneOf);
            if (!own.isEmpty()) {
                records.computeIfAbsent(s.identity(), k -> new MergedRecords()).add(own);
                sources.computeIfAbsent(s.identity(), k -> new TreeSet<>()).add(s.source());
            }
        }
        List<Identity> identities = new ArrayList<>();
        records.forEach((name, recs) ->
                identities.add(new Identity(name, String.join(",", sources.get(name)), recs.list())));
        return identities;
    }

    /** Replicas reuse their parent's records: none of their own, so a problem alerts once. */
    static List<ExpectedRecord> recordsOf(SesIdentityState s, Function<String, String> zoneOf) {
        if (s.replica() || s.tokens().isEmpty()) {
            return List.of();
        }
        if (s.byodkim()) {
            String selector = s.tokens().get(0);
            return List.of(new ExpectedRecord(selector, name(selector, s.identity()), RecordType.TXT, ""));
        }
        return EasyDkimRecords.of(s.identity(), zoneFor(s, zoneOf), s.tokens());
    }

    /** The identity's own SigningHostedZone, else the one learned in its region, else the classic zone. */
    static String zoneFor(SesIdentityState s, Function<String, String> zoneOf) {
        if (s.signingHostedZone() != null && !s.signingHostedZone().isBlank()) {
            return s.signingHostedZone();
        }
        String learned = zoneOf.apply(s.region());
        return learned != null ? learned : DEFAULT_ZONE;
    }

    private static String name(String selector, String domain) {
        return selector + "._domainkey." + domain;
    }
}
