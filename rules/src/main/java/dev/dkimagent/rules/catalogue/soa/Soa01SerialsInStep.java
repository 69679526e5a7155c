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
import java.util.List;

/** SOA01: every server has the newest zone serial (a lagging secondary misses recent DKIM records). */
public final class Soa01SerialsInStep implements Rule {
    public static final String ID = "SOA01";
    public static final Tag MULTIPLE_SOA_SERIALS = new Tag(ID, "MULTIPLE_SOA_SERIALS", Severity.WARNING);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "Every nameserver serves the newest SOA serial of the zone (RFC 1982 comparison)";
    }

    @Override
    public List<Tag> tags() {
        return List.of(MULTIPLE_SOA_SERIALS);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (ZoneMatrix zone : evaluation.matrices().values()) {
            List<SoaServers> soas = SoaServers.of(zone);
            if (soas.isEmpty()) {
                continue;
            }
            long newest = SerialArithmetic.newest(soas.stream().map(x -> x.soa().serial()).toList());
            for (SoaServers x : soas) {
                long behind = SerialArithmetic.distance(x.soa().serial(), newest);
                if (SerialArithmetic.lessThan(x.soa().serial(), newest) && behind > settings.serialTolerance()) {
                    out.add(FindingBuilder.of(MULTIPLE_SOA_SERIALS,
                                    Subject.server(zone.apex(), x.server().host(), x.server().address()))
                            .arg("serial", x.soa().serial())
                            .arg("newest", newest)
                            .arg("behind", behind)
                            .dig(DigCommand.direct(x.server(), "SOA", zone.apex()))
                            .build());
                }
            }
        }
        return out;
    }
}
