package dev.dkimagent.rules;

import java.util.Map;

/** Severity per "RULE.TAG": the rule's default unless configuration overrides it. */
public final class Levels {
    private final Map<String, Severity> overrides;

    public Levels(Map<String, Severity> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public static Levels defaults() {
        return new Levels(Map.of());
    }

    public Severity of(Rule rule, String tag) {
        Severity configured = overrides.get(rule.id() + "." + tag);
        if (configured != null) {
            return configured;
        }
        return rule.tags().stream()
                .filter(t -> t.name().equals(tag))
                .map(Tag::defaultSeverity)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(rule.id() + " emitted undeclared tag " + tag));
    }
}
