package dev.dkimagent.agent.metrics;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Rr;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads a server's answer to the zone's SOA query: is it up, and which serial does it serve. */
final class SoaServed {
    private static final int SERIAL_FIELD = 2;

    private SoaServed() {
    }

    /** Up: an authoritative NOERROR reply that holds an SOA record. */
    static boolean up(Optional<Answer> soa) {
        return soa.filter(a -> a.isAuthoritativeReply() && a.rcode() == Answer.NOERROR)
                .map(a -> !a.recordsOfType("SOA").isEmpty())
                .orElse(false);
    }

    /** The serial of the first SOA that parses ("mname rname serial refresh retry expire minimum"). */
    static OptionalLong serial(Answer soa) {
        for (Rr rr : soa.recordsOfType("SOA")) {
            String[] fields = rr.data().replace("(", " ").replace(")", " ").trim().split("\\s+");
            if (fields.length > SERIAL_FIELD) {
                try {
                    return OptionalLong.of(Long.parseLong(fields[SERIAL_FIELD]));
                } catch (NumberFormatException e) {
                    // not presentation format: try the next record
                }
            }
        }
        return OptionalLong.empty();
    }
}
