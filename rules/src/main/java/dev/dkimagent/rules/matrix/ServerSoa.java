package dev.dkimagent.rules.matrix;

import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Soa;
import java.util.Optional;

/**
 * What one nameserver address answered to the zone's SOA query.
 *
 * @param server  the address
 * @param problem why its answer is unusable (NO_REPLY, LAME; or NOT_ASKED when there is no
 *                answer), else null
 * @param soa     the SOA it serves, typed, when it answered healthily with one (from the answer
 *                section, else the authority section)
 * @param inAnswer the SOA came in the answer section of a NOERROR reply
 */
public record ServerSoa(Nameserver server, NotJudged problem, Optional<Soa> soa, boolean inAnswer) {

    /** A healthy authoritative answer to the SOA query (SOA rules compare only these). */
    public boolean answered() {
        return problem == null;
    }

    /** Not excluded by its SOA answer: healthy, or not asked (then its record answers decide). */
    public boolean usable() {
        return problem == null || problem.reason() == NotJudged.Reason.NOT_ASKED;
    }

    /** Up: an authoritative NOERROR answer holding the SOA (a server catching up is up, only not judged yet). */
    public boolean up() {
        return (answered() || catchingUp()) && inAnswer;
    }

    /** Healthy, but behind the newest serial within the propagation grace. */
    public boolean catchingUp() {
        return problem != null && problem.reason() == NotJudged.Reason.CATCHING_UP;
    }
}
