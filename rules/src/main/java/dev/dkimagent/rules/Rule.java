package dev.dkimagent.rules;

import dev.dkimagent.rules.model.Snapshot;
import java.util.List;

/**
 * One check with a stable id. A rule reads a snapshot and returns findings; it never does I/O
 * and never decides severity (that is {@link Levels}).
 */
public interface Rule {

    /** Stable id, e.g. {@code DKIM01}; documented in {@code docs/rules/<id>.md}. */
    String id();

    /** One line for the catalogue ({@code dkim-agent rules}). */
    String summary();

    /** Every tag this rule can emit. */
    List<Tag> tags();

    List<Finding> evaluate(Snapshot snapshot, RuleSettings settings);
}
