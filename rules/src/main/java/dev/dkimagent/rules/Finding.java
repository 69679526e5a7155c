package dev.dkimagent.rules;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a rule found: rule id, tag, subject and named arguments for the message template.
 * Findings carry facts, not prose; {@link Messages} turns them into text. Rule and tag are kept
 * as their stable strings (persisted and on the wire); compare with {@link #is(Tag)}.
 */
public record Finding(String rule, String tag, Subject subject, Map<String, String> args) {

    public Finding {
        args = java.util.Collections.unmodifiableMap(new TreeMap<>(args));
    }

    /** A finding of a typed tag. */
    public Finding(Tag tag, Subject subject, Map<String, String> args) {
        this(tag.rule(), tag.name(), subject, args);
    }

    /** True when this finding carries {@code t}. */
    public boolean is(Tag t) {
        return t.is(rule, tag);
    }

    /** "RULE.TAG", the key used by {@code dkim-agent.rules.levels} and the message catalogue. */
    public String code() {
        return rule + "." + tag;
    }

    /**
     * Identity of the finding across sweeps: rule, tag, identity, zone, selector and address (and,
     * for SES findings, the account and region they come from).
     */
    public String key() {
        String key = String.join("|", rule, tag, nz(subject.identity()), nz(subject.zone()),
                nz(subject.selector()), nz(subject.address()));
        return subject.source() == null ? key : key + "|" + subject.source();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
