package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import java.util.Locale;
import java.util.Optional;

/** Predicates on whether a server's answers can be judged at all. */
final class ServerHealth {
    private ServerHealth() {
    }

    /** The problem with one answer, if it is not an authoritative NOERROR/NXDOMAIN reply. */
    static Optional<ServerProblem> problem(Answer a) {
        if (!a.isReply()) {
            return Optional.of(ServerProblem.unreachable(unreachableReason(a)));
        }
        if (a.rcode() != Answer.NOERROR && a.rcode() != Answer.NXDOMAIN) {
            return Optional.of(ServerProblem.notAuthoritative(rcodeName(a.rcode())));
        }
        if (!a.authoritative()) {
            return Optional.of(ServerProblem.notAuthoritative("AA=0 (not authoritative)"));
        }
        return Optional.empty();
    }

    /** The problem with a server's SOA answer for the zone; empty when healthy or not asked. */
    static Optional<ServerProblem> zoneProblem(Snapshot s, ZoneView zone, Nameserver server) {
        return s.soa(zone, server).flatMap(ServerHealth::problem);
    }

    /** A server whose SOA answer is a healthy authoritative reply (SOA rules compare only these). */
    static boolean answersSoa(Snapshot s, ZoneView zone, Nameserver server) {
        return s.soa(zone, server).map(a -> problem(a).isEmpty()).orElse(false);
    }

    /** Not excluded by its SOA answer: healthy, or not asked (then its record answers decide). */
    static boolean usable(Snapshot s, ZoneView zone, Nameserver server) {
        return zoneProblem(s, zone, server).isEmpty();
    }

    static String rcodeName(int rcode) {
        return switch (rcode) {
            case Answer.FORMERR -> "FORMERR";
            case Answer.SERVFAIL -> "SERVFAIL";
            case 4 -> "NOTIMP";
            case Answer.REFUSED -> "REFUSED";
            default -> "RCODE " + rcode;
        };
    }

    private static String unreachableReason(Answer a) {
        String kind = a.transport() == null ? "no reply" : describe(a.transport());
        String detail = a.detail();
        if (detail == null || detail.isBlank()) {
            return kind;
        }
        // the sweep's detail often already names the kind ("timeout after 3 attempts"): do not repeat it
        return detail.toLowerCase(Locale.ROOT).startsWith(kind) ? detail : kind + ": " + detail;
    }

    private static String describe(Transport t) {
        return switch (t) {
            case TIMEOUT -> "timeout";
            case NETWORK_ERROR -> "network error";
            case MALFORMED -> "malformed reply";
            case MISMATCH -> "reply to another query (id or question mismatch)";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }
}
