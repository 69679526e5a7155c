package dev.dkimagent.rules.catalogue.ns;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.DigCommand;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.ZoneView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** NS03: the parent delegates to the same NS set the zone publishes (else edits may land in an unserved zone). */
public final class Ns03DelegationMatches implements Rule {
    public static final String ID = "NS03";
    public static final Tag DELEGATION_MISMATCH = new Tag(ID, "DELEGATION_MISMATCH", Severity.WARNING);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "The parent's delegation names the same nameservers as the zone's own NS set";
    }

    @Override
    public List<Tag> tags() {
        return List.of(DELEGATION_MISMATCH);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (ZoneMatrix matrix : evaluation.matrices().values()) {
            ZoneView zone = matrix.view();
            Set<String> parent = new TreeSet<>(zone.parentNs());
            Set<String> child = new TreeSet<>(zone.childNs());
            if (!parent.isEmpty() && !child.isEmpty() && !parent.equals(child)) {
                out.add(FindingBuilder.of(DELEGATION_MISMATCH, Subject.zone(zone.apex()))
                        .arg("parent", join(parent))
                        .arg("child", join(child))
                        .arg("onlyParent", join(minus(parent, child)))
                        .arg("onlyChild", join(minus(child, parent)))
                        .dig(DigCommand.trace("NS", zone.apex()))
                        .build());
            }
        }
        return out;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static String join(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
