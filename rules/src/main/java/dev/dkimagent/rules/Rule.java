package dev.dkimagent.rules;

import java.util.List;

/**
 * One check with a stable id. A rule reads one evaluation (observations and zone matrices) and
 * returns findings; it never does I/O and never decides severity (that is {@link Levels}).
 */
public interface Rule {

    /** Stable id, e.g. {@code DKIM01}; documented in {@code docs/rules/<id>.md}. */
    String id();

    /** One line for the catalogue ({@code dkim-agent rules}). */
    String summary();

    /** Every tag this rule can emit, as the rule's public constants. */
    List<Tag> tags();

    List<Finding> evaluate(Evaluation evaluation, RuleSettings settings);
}
