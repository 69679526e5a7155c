package dev.dkimagent.rules.catalogue.ses;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import dev.dkimagent.rules.catalogue.dkim.Dkim06CanarySigned;
import dev.dkimagent.rules.model.CanaryRound;
import dev.dkimagent.rules.model.CanaryRound.Delivery;
import dev.dkimagent.rules.model.CanaryRound.Failure;
import java.util.List;

/**
 * MON02: the canary can send and read its mailbox. A failure here says the canary is blind for
 * that identity; it is never a DKIM verdict (DKIM06 judges only rounds that ran).
 */
public final class Mon02CanaryRuns implements Rule {
    public static final String ID = "MON02";
    public static final Tag CANARY_ERROR = new Tag(ID, "CANARY_ERROR", Severity.ERROR, Tag.Kind.CANARY_ROUND);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "The canary can send through SES and read its mailbox";
    }

    @Override
    public List<Tag> tags() {
        return List.of(CANARY_ERROR);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        return evaluation.snapshot().canary().rounds().stream()
                .filter(r -> r.delivery() == Delivery.FAILED && r.failure() != null)
                .map(Mon02CanaryRuns::finding).toList();
    }

    private static Finding finding(CanaryRound round) {
        Failure failure = round.failure();
        return FindingBuilder.of(CANARY_ERROR,
                        new Subject(round.identity(), null, null, null, null, Dkim06CanarySigned.SOURCE))
                .arg("stage", switch (failure.stage()) {
                    case SEND -> "sending through SES";
                    case MAILBOX -> "reading the mailbox " + failure.mailbox();
                    case VERIFY -> "looking up the signing keys";
                })
                .arg("error", failure.detail())
                .check(switch (failure.stage()) {
                    case SEND -> "aws sesv2 get-email-identity --email-identity " + round.identity();
                    case MAILBOX -> mailboxCheck(failure);
                    case VERIFY -> "dig SOA " + round.identity();
                })
                .build();
    }

    private static String mailboxCheck(Failure failure) {
        String mailbox = String.valueOf(failure.mailbox());
        return mailbox.startsWith("s3://") ? "aws s3 ls " + mailbox : "curl -v '" + mailbox + "'";
    }
}
