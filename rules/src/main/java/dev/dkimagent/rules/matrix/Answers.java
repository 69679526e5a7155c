package dev.dkimagent.rules.matrix;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Transport;
import java.util.Locale;
import java.util.Optional;

/** Whether one answer can be judged at all, and if not, why. */
final class Answers {
    private Answers() {
    }

    /** The problem with one answer, if it is not an authoritative NOERROR/NXDOMAIN reply. */
    static Optional<NotJudged> problem(Answer a, String type, String name, boolean zoneWide) {
        if (!a.isReply()) {
            return Optional.of(new NotJudged(NotJudged.Reason.NO_REPLY, unreachableReason(a), type, name, zoneWide));
        }
        if (a.rcode() != Answer.NOERROR && a.rcode() != Answer.NXDOMAIN) {
            return Optional.of(new NotJudged(NotJudged.Reason.LAME, rcodeName(a.rcode()), type, name, zoneWide));
        }
        if (!a.authoritative()) {
            return Optional.of(new NotJudged(NotJudged.Reason.LAME, "AA=0 (not authoritative)", type, name, zoneWide));
        }
        return Optional.empty();
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

    static String unreachableReason(Answer a) {
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
