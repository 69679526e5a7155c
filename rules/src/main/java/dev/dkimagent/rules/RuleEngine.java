package dev.dkimagent.rules;

import dev.dkimagent.rules.model.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the zone matrices once, runs every rule over them, levels each finding and renders its text. */
public final class RuleEngine {
    private final List<Rule> rules;
    private final Levels levels;
    private final RuleSettings settings;
    private final Messages messages;
    private final Map<String, Tag> tagsByCode = new HashMap<>();

    public RuleEngine(List<Rule> rules, Levels levels, RuleSettings settings, Messages messages) {
        this.rules = List.copyOf(rules);
        this.levels = levels;
        this.settings = settings;
        this.messages = messages;
        rules.forEach(r -> r.tags().forEach(t -> tagsByCode.put(t.code(), t)));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The verdicts alone: {@code judge(snapshot).verdicts()}. */
    public List<Verdict> evaluate(Snapshot snapshot) {
        return judge(snapshot).verdicts();
    }

    /** Verdicts ordered worst first, then by finding key (stable), with the matrices they came from. */
    public Judgement judge(Snapshot snapshot) {
        Evaluation evaluation = Evaluation.of(snapshot);
        List<Verdict> verdicts = new ArrayList<>();
        for (Rule rule : rules) {
            for (Finding f : rule.evaluate(evaluation, settings)) {
                verdicts.add(new Verdict(f, levels.of(rule, f.tag()), messages.message(f), messages.remediation(f)));
            }
        }
        verdicts.sort(Comparator.comparing(Verdict::severity).thenComparing(v -> v.finding().key()));
        java.util.Set<String> canary = new java.util.HashSet<>();
        snapshot.canary().rounds().forEach(r -> canary.add(r.identity()));
        return new Judgement(verdicts, evaluation.matrices(), tagsByCode, canary);
    }
}
