package dev.dkimagent.rules.catalogue.soa;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.DigCommand;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import dev.dkimagent.rules.catalogue.SoaServers;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** SOA02: the SOA minimum is small enough that a re-added record becomes visible soon. */
public final class Soa02NegativeTtl implements Rule {
    public static final String ID = "SOA02";
    public static final Tag NEGATIVE_TTL_HIGH = new Tag(ID, "NEGATIVE_TTL_HIGH", Severity.INFO);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "The SOA minimum (negative-caching TTL) is at most the configured maximum";
    }

    @Override
    public List<Tag> tags() {
        return List.of(NEGATIVE_TTL_HIGH);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        long max = settings.negativeTtlMax().toSeconds();
        for (ZoneMatrix zone : evaluation.matrices().values()) {
            SoaServers.of(zone).stream()
                    .max(Comparator.comparingLong(x -> x.soa().minimum()))
                    .filter(x -> x.soa().minimum() > max)
                    .ifPresent(x -> out.add(FindingBuilder.of(NEGATIVE_TTL_HIGH, Subject.zone(zone.apex()))
                            .arg("minimum", x.soa().minimum())
                            .arg("max", max)
                            .dig(DigCommand.direct(x.server(), "SOA", zone.apex()))
                            .build()));
        }
        return out;
    }
}
