package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** DKIM04: a DKIM CNAME is the only data at its name (RFC 1034 section 3.6.2). */
public final class Dkim04CnameAlone implements Rule {
    public static final String ID = "DKIM04";
    public static final Tag CNAME_AND_OTHER_DATA = new Tag(ID, "CNAME_AND_OTHER_DATA", Severity.ERROR);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "No other data sits beside a DKIM CNAME at the same name";
    }

    @Override
    public List<Tag> tags() {
        return List.of(CNAME_AND_OTHER_DATA);
    }

    @Override
    public List<Finding> evaluate(Snapshot snapshot, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (RecordAtServer at : RecordAtServer.judgeable(snapshot)) {
            TreeSet<String> other = at.otherTypes();
            if (at.rec().expectsCname() && at.cname().isPresent() && !other.isEmpty()) {
                out.add(FindingBuilder.of(CNAME_AND_OTHER_DATA, at.subject())
                        .arg("name", at.name())
                        .arg("other", String.join(", ", other))
                        .arg("target", at.cname().get().data())
                        .dig(DigCommand.direct(at.server(), other.first(), at.name()))
                        .build());
            }
        }
        return out;
    }
}
