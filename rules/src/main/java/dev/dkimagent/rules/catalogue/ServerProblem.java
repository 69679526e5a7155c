package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;

/**
 * Why a server's answer cannot be judged: no reply at all (NS01) or a reply that does not speak
 * for the zone (NS02).
 *
 * @param tag    NS01 NS_UNREACHABLE or NS02 NS_NOT_AUTHORITATIVE
 * @param reason short human text, e.g. "timeout after 3 attempts" or "REFUSED"
 */
record ServerProblem(Tag tag, String reason) {
    static final Tag UNREACHABLE = new Tag("NS01", "NS_UNREACHABLE", Severity.ERROR, Tag.Kind.SERVER_NOT_HEARD);
    static final Tag NOT_AUTHORITATIVE = new Tag("NS02", "NS_NOT_AUTHORITATIVE", Severity.ERROR,
            Tag.Kind.SERVER_NOT_HEARD);

    static ServerProblem unreachable(String reason) {
        return new ServerProblem(UNREACHABLE, reason);
    }

    static ServerProblem notAuthoritative(String reason) {
        return new ServerProblem(NOT_AUTHORITATIVE, reason);
    }
}
