package dev.dkimagent.agent.inventory;

import dev.dkimagent.rules.model.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Joins identities from several sources (config, SES) so that each domain is checked once. */
public final class Identities {
    private Identities() {
    }

    /** One identity per domain, in first-seen order; records de-duplicated, sources joined with ",". */
    public static List<Identity> merge(List<Identity> first, List<Identity> second) {
        Map<String, MergedRecords> records = new LinkedHashMap<>();
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        for (List<Identity> list : List.of(first, second)) {
            for (Identity identity : list) {
                records.computeIfAbsent(identity.name(), k -> new MergedRecords()).add(identity.records());
                sources.computeIfAbsent(identity.name(), k -> new LinkedHashSet<>()).add(identity.source());
            }
        }
        List<Identity> merged = new ArrayList<>();
        records.forEach((name, recs) ->
                merged.add(new Identity(name, String.join(",", sources.get(name)), recs.list())));
        return merged;
    }
}
