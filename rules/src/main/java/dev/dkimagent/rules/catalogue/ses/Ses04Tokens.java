package dev.dkimagent.rules.catalogue.ses;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.model.SesMemory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** SES04: the tokens SES expects did not change since the last sweep (if they did, DNS must follow). */
public final class Ses04Tokens implements Rule {
    public static final String ID = "SES04";
    public static final Tag TOKENS_CHANGED = new Tag(ID, "TOKENS_CHANGED", Severity.WARNING);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "The DKIM tokens SES expects are the same as in the previous sweep";
    }

    @Override
    public List<Tag> tags() {
        return List.of(TOKENS_CHANGED);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (SesContext c : SesContext.all(evaluation)) {
            Optional<SesMemory> memory = c.memory().filter(m -> !m.lastTokens().isEmpty());
            TreeSet<String> after = new TreeSet<>(c.state().tokens());
            if (memory.isPresent() && !new TreeSet<>(memory.get().lastTokens()).equals(after)) {
                out.add(c.finding(TOKENS_CHANGED)
                        .arg("before", joined(memory.get().lastTokens()))
                        .arg("after", joined(after))
                        .dig(c.recordDigs())
                        .build());
            }
        }
        return out;
    }

    private static String joined(Collection<String> tokens) {
        return tokens.isEmpty() ? "none" : String.join(", ", new TreeSet<>(tokens));
    }
}
