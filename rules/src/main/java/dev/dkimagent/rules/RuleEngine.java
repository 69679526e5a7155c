package dev.dkimagent.rules;

import dev.dkimagent.rules.model.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule over a snapshot, levels each finding and renders its text. */
public final class RuleEngine {
    private final List<Rule> rules;
    private final Levels levels;
    private final RuleSettings settings;
    private final Messages messages;

    public RuleEngine(List<Rule> rules, Levels levels, RuleSettings settings, Messages messages) {
        this.rules = List.copyOf(rules);
        this.levels = levels;
        this.settings = settings;
        this.messages = messages;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Verdicts ordered worst first, then by identity, selector and address, so output is stable. */
    public List<Verdict> evaluate(Snapshot snapshot) {
        List<Verdict> verdicts = new ArrayList<>();
        try (EvaluationCache.Scope ignored = EvaluationCache.open(snapshot)) {
            for (Rule rule : rules) {
                for (Finding f : rule.evaluate(snapshot, settings)) {
                    verdicts.add(new Verdict(f, levels.of(rule, f.tag()), messages.message(f), messages.remediation(f)));
                }
            }
        }
        verdicts.sort(Comparator.comparing(Verdict::severity).thenComparing(v -> v.finding().key()));
        return verdicts;
    }
}
