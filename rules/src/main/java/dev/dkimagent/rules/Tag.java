package dev.dkimagent.rules;

/**
 * One outcome a rule can emit, typed: each rule declares its tags as constants and the agent
 * compares findings against those constants, never against spelled-out names.
 *
 * @param rule            the id of the rule that emits it, e.g. {@code DKIM01}
 * @param name            the stable name, e.g. {@code RECORD_MISSING} (persisted and on the wire)
 * @param defaultSeverity the severity it has unless configuration re-levels it
 * @param kind            what the tag reports: a problem seen, or that a zone or server could not be seen
 */
public record Tag(String rule, String name, Severity defaultSeverity, Kind kind) {

    /** Whether a finding reports a problem, or reports that something could not be looked at. */
    public enum Kind {
        /** A problem seen in what was observed. */
        PROBLEM,
        /** The zone could not be found: nothing in it was judged. */
        ZONE_NOT_FOUND,
        /** A nameserver address gave no usable answer: what it serves was not judged. */
        SERVER_NOT_HEARD,
        /** A problem with the key behind a record: judged only where that key was read. */
        KEY,
        /**
         * About a canary round (DKIM06, MON02): only a judgement of that identity's round sees it
         * again; a DNS sweep of the same identity neither raises nor resolves it.
         */
        CANARY_ROUND
    }

    /** A tag that reports a problem seen. */
    public Tag(String rule, String name, Severity defaultSeverity) {
        this(rule, name, defaultSeverity, Kind.PROBLEM);
    }

    /** "RULE.TAG", the key of {@code dkim-agent.rules.levels} and of the message catalogue. */
    public String code() {
        return rule + "." + name;
    }

    /** True when a finding's persisted rule id and tag name are this tag's. */
    public boolean is(String ruleId, String tagName) {
        return rule.equals(ruleId) && name.equals(tagName);
    }
}
