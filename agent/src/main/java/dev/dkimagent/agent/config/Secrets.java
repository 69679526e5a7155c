package dev.dkimagent.agent.config;

/** How secrets appear in toString() and problems: never as themselves. */
final class Secrets {
    static final String REDACTED = "<redacted>";
    static final String NOT_SHOWN = "(the value is not shown: it is a secret)";

    private Secrets() {
    }

    /** "" stays "" (that it is unset is no secret and helps); anything else is {@value #REDACTED}. */
    static String redact(String secret) {
        return secret == null || secret.isEmpty() ? "" : REDACTED;
    }
}
