package dev.dkimagent.agent.notify;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Rr;
import java.util.Optional;

/**
 * What one nameserver address said to the zone's SOA query, as the SOA watch compares it.
 *
 * @param kind   answering (an authoritative NOERROR reply with the SOA), silent (no reply), lame (anything else)
 * @param serial the serial, when answering
 */
record AddressState(Kind kind, long serial) {
    enum Kind { ANSWERING, SILENT, LAME }

    static AddressState of(Answer answer) {
        if (!answer.isReply()) {
            return new AddressState(Kind.SILENT, 0);
        }
        Optional<Long> serial = answer.recordsOfType("SOA").stream().map(Rr::soa).filter(s -> s != null)
                .map(s -> s.serial()).findFirst();
        if (answer.isAuthoritativeReply() && answer.rcode() == Answer.NOERROR && serial.isPresent()) {
            return new AddressState(Kind.ANSWERING, serial.get());
        }
        return new AddressState(Kind.LAME, 0);
    }

    /** RFC 1982: true when serial {@code a} is newer than {@code b}. */
    static boolean newer(long a, long b) {
        long d = (a - b) & 0xffffffffL;
        return d != 0 && d < 0x80000000L;
    }
}
