package dev.dkimagent.rules;

import java.util.Map;

/** Severity per "RULE.TAG": the tag's default unless configuration overrides it. */
public final class Levels {
    private final Map<String, Severity> overrides;

    public Levels(Map<String, Severity> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public static Levels defaults() {
        return new Levels(Map.of());
    }

    public Severity of(Tag tag) {
        Severity configured = overrides.get(tag.code());
        return configured != null ? configured : tag.defaultSeverity();
    }

    /** The severity of a tag the rule declares, by name; throws for an undeclared one. */
    public Severity of(Rule rule, String tagName) {
        return of(rule.tags().stream()
                .filter(t -> t.name().equals(tagName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(rule.id() + " emitted undeclared tag " + tagName)));
    }
}
