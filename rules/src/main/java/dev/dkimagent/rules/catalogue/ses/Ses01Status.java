package dev.dkimagent.rules.catalogue.ses;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SES01: SES reports each identity's DKIM as verified; any other status is said, with its deadline. */
public final class Ses01Status implements Rule {
    public static final String ID = "SES01";
    public static final Tag SES_DKIM_PENDING = new Tag(ID, "SES_DKIM_PENDING", Severity.INFO);
    public static final Tag SES_DKIM_TEMPORARY_FAILURE = new Tag(ID, "SES_DKIM_TEMPORARY_FAILURE", Severity.CRITICAL);
    public static final Tag SES_DKIM_FAILED = new Tag(ID, "SES_DKIM_FAILED", Severity.CRITICAL);
    public static final Tag SES_DKIM_NOT_STARTED = new Tag(ID, "SES_DKIM_NOT_STARTED", Severity.WARNING);
    static final String UNKNOWN_TIME = "an unknown time";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "SES reports the DKIM status of every identity as verified (SUCCESS)";
    }

    @Override
    public List<Tag> tags() {
        return List.of(SES_DKIM_PENDING, SES_DKIM_TEMPORARY_FAILURE, SES_DKIM_FAILED, SES_DKIM_NOT_STARTED);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (SesContext c : SesContext.all(evaluation)) {
            judge(c).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Finding> judge(SesContext c) {
        if (c.state().status() == null) {
            return Optional.empty();
        }
        return switch (c.state().status()) {
            case SUCCESS -> Optional.empty();
            case PENDING -> Optional.of(base(c, SES_DKIM_PENDING).arg("since", since(c)).build());
            case TEMPORARY_FAILURE -> Optional.of(base(c, SES_DKIM_TEMPORARY_FAILURE)
                    .arg("deadline", SesDeadline.deadlineText(c))
                    .arg("lastSuccess", SesDeadline.lastSuccessText(c))
                    .arg("errorType", errorType(c)).build());
            case FAILED -> Optional.of(base(c, SES_DKIM_FAILED).arg("errorType", errorType(c)).build());
            case NOT_STARTED -> Optional.of(base(c, SES_DKIM_NOT_STARTED).build());
        };
    }

    private static FindingBuilder base(SesContext c, Tag tag) {
        return c.finding(tag).dig(c.recordDigs());
    }

    private static String since(SesContext c) {
        Instant generated = c.state().lastKeyGeneration();
        return generated == null ? UNKNOWN_TIME : generated.toString();
    }

    static String errorType(SesContext c) {
        return c.state().errorType() == null ? SesDeadline.UNKNOWN : c.state().errorType();
    }
}
