package dev.dkimagent.rules.catalogue;

/**
 * Why a server's answer cannot be judged: no reply at all (NS01) or a reply that does not speak
 * for the zone (NS02).
 *
 * @param rule   NS01 or NS02
 * @param tag    NS_UNREACHABLE or NS_NOT_AUTHORITATIVE
 * @param reason short human text, e.g. "timeout after 3 attempts" or "REFUSED"
 */
record ServerProblem(String rule, String tag, String reason) {
    static final String UNREACHABLE_RULE = "NS01";
    static final String UNREACHABLE = "NS_UNREACHABLE";
    static final String LAME_RULE = "NS02";
    static final String NOT_AUTHORITATIVE = "NS_NOT_AUTHORITATIVE";

    static ServerProblem unreachable(String reason) {
        return new ServerProblem(UNREACHABLE_RULE, UNREACHABLE, reason);
    }

    static ServerProblem notAuthoritative(String reason) {
        return new ServerProblem(LAME_RULE, NOT_AUTHORITATIVE, reason);
    }
}
