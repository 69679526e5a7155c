package dev.dkimagent.rules.catalogue.ses;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesIdentityState;
import java.util.ArrayList;
import java.util.List;

/** SES02: an identity that was verified stays verified, and a verified identity signs. */
public final class Ses02Verification implements Rule {
    public static final String ID = "SES02";
    public static final Tag VERIFICATION_LOST = new Tag(ID, "VERIFICATION_LOST", Severity.CRITICAL);
    public static final Tag SIGNING_DISABLED = new Tag(ID, "SIGNING_DISABLED", Severity.ERROR);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "An identity SES verified before is still verified, and a verified identity has DKIM signing enabled";
    }

    @Override
    public List<Tag> tags() {
        return List.of(VERIFICATION_LOST, SIGNING_DISABLED);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (SesContext c : SesContext.all(evaluation)) {
            SesIdentityState state = c.state();
            if (state.status() != null && state.status().failing() && verifiedBefore(c)) {
                out.add(c.finding(VERIFICATION_LOST)
                        .arg("status", state.status().name())
                        .arg("lastSuccess", SesDeadline.lastSuccessText(c))
                        .arg("deadline", SesDeadline.deadlineText(c))
                        .dig(c.recordDigs())
                        .build());
            }
            if (state.status() == DkimStatus.SUCCESS && !state.signingEnabled()) {
                out.add(c.finding(SIGNING_DISABLED).dig(c.recordDigs()).build());
            }
        }
        return out;
    }

    /** SES or an earlier sweep saw this identity verified. */
    private static boolean verifiedBefore(SesContext c) {
        return SesDeadline.lastSuccess(c).isPresent()
                || c.memory().map(m -> m.lastStatus() == DkimStatus.SUCCESS).orElse(false);
    }
}
