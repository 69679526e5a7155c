package dev.dkimagent.rules.catalogue.ns;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.matrix.NotJudged;
import java.util.List;

/** NS02: every server of the NS set answers authoritatively (no REFUSED, SERVFAIL, FORMERR or AA=0). */
public final class Ns02ServersAuthoritative implements Rule {
    public static final String ID = "NS02";
    public static final Tag NS_NOT_AUTHORITATIVE = new Tag(ID, "NS_NOT_AUTHORITATIVE", Severity.ERROR,
            Tag.Kind.SERVER_NOT_HEARD);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "Every nameserver address answers authoritatively for the zone (no lame delegation)";
    }

    @Override
    public List<Tag> tags() {
        return List.of(NS_NOT_AUTHORITATIVE);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        return ServerProblemFindings.of(evaluation, NS_NOT_AUTHORITATIVE, NotJudged.Reason.LAME);
    }
}
