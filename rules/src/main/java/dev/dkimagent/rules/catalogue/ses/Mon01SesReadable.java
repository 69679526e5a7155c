package dev.dkimagent.rules.catalogue.ses;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import dev.dkimagent.rules.model.SesApiError;
import java.util.List;

/** MON01: SES can be read in every configured account and region (else the monitor is blind there). */
public final class Mon01SesReadable implements Rule {
    public static final String ID = "MON01";
    public static final Tag SES_API_ERROR = new Tag(ID, "SES_API_ERROR", Severity.ERROR);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "SES can be read in every configured account and region";
    }

    @Override
    public List<Tag> tags() {
        return List.of(SES_API_ERROR);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        return evaluation.snapshot().ses().errors().stream().map(Mon01SesReadable::finding).toList();
    }

    private static Finding finding(SesApiError e) {
        return FindingBuilder.of(SES_API_ERROR, new Subject(null, null, null, null, null, source(e)))
                .arg("account", e.account())
                .arg("region", e.region())
                .arg("operation", e.operation())
                .arg("error", e.error())
                .check("aws ses list-identities --identity-type Domain --max-items 1 --region " + e.region())
                .build();
    }

    private static String source(SesApiError e) {
        return "ses:" + e.account() + "/" + e.region();
    }
}
