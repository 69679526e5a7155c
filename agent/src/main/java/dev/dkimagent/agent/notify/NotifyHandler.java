package dev.dkimagent.agent.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Answers one incoming DNS message (RFC 1996). Checks run in this order, so nobody learns which
 * zones are watched without passing the earlier ones: source address (REFUSED), opcode (NOTIMP),
 * TSIG when keys are configured (unsigned: REFUSED; bad: NOTAUTH with the TSIG error, RFC 8945
 * section 5.2), one SOA question (FORMERR), a watched zone (NOTAUTH: RFC 2136 section 2.2 defines it
 * as "not authoritative for the zone named", which is what BIND answers to a NOTIFY for a zone it
 * does not serve; REFUSED stays the answer to policy). Only an accepted NOTIFY reaches the
 * {@code accepted} callback; every message is counted. Never throws on input.
 */
public final class NotifyHandler {
    /** What an accepted NOTIFY asks for: recheck this zone; the serial is the one the primary sent, if any. */
    public interface Accepted {
        void notified(String zone, OptionalLong serial);
    }

    private final List<Cidr> allow;
    private final NotifyKeys keys;
    private final Predicate<String> watched;
    private final Accepted accepted;
    private final NotifyEvents events;
    private final RefusalLog refusals;

    public NotifyHandler(List<Cidr> allow, NotifyKeys keys, Predicate<String> watched, Accepted accepted,
                         NotifyEvents events, LongSupplier nanos) {
        this.allow = List.copyOf(allow);
        this.keys = keys;
        this.watched = watched;
        this.accepted = accepted;
        this.events = events;
        this.refusals = new RefusalLog(nanos);
    }

    /** The reply to send, or empty when the message gets none (not DNS, or itself a response). */
    public Optional<byte[]> handle(byte[] wire, InetAddress source) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException | RuntimeException e) {
            return refuse(source, NotifyResult.MALFORMED, "not a DNS message", null, -1);
        }
        if (query.getHeader().getFlag(Flags.QR)) {
            return refuse(source, NotifyResult.MALFORMED, "a response, not a request", null, -1);
        }
        if (allow.stream().noneMatch(c -> c.contains(source))) {
            return refuse(source, NotifyResult.REFUSED_SOURCE, "source not in notify.allow", query, Rcode.REFUSED);
        }
        if (query.getHeader().getOpcode() != Opcode.NOTIFY) {
            return refuse(source, NotifyResult.NOT_IMPLEMENTED, "opcode " + Opcode.string(query.getHeader().getOpcode()),
                    query, Rcode.NOTIMP);
        }
        NotifyKeys.Check tsig = keys.check(query, wire);
        if (!tsig.ok()) {
            return refuse(source, NotifyResult.BAD_TSIG, tsig.why(), query, tsig);
        }
        Record question = query.getQuestion();
        if (question == null || question.getType() != Type.SOA || question.getDClass() != DClass.IN
                || query.getHeader().getCount(Section.QUESTION) != 1) {
            return reply(source, NotifyResult.MALFORMED, "not one SOA question in class IN", query, Rcode.FORMERR, tsig);
        }
        String zone = zoneOf(question);
        if (!watched.test(zone)) {
            return reply(source, NotifyResult.UNKNOWN_ZONE, "zone not watched", query, Rcode.NOTAUTH, tsig);
        }
        events.received(zone, NotifyResult.ACCEPTED);
        accepted.notified(zone, serial(query, question));
        return Optional.of(Replies.of(query, Rcode.NOERROR, tsig));
    }

    private Optional<byte[]> refuse(InetAddress source, NotifyResult result, String why, Message query, int rcode) {
        events.received(NotifyEvents.OTHER_ZONE, result);
        refusals.refused(source, result, why);
        return query == null ? Optional.empty() : Optional.of(Replies.of(query, rcode, NotifyKeys.Check.NONE));
    }

    private Optional<byte[]> refuse(InetAddress source, NotifyResult result, String why, Message query,
                                    NotifyKeys.Check tsig) {
        events.received(NotifyEvents.OTHER_ZONE, result);
        refusals.refused(source, result, why);
        return Optional.of(Replies.of(query, tsig.rcode(), tsig));
    }

    private Optional<byte[]> reply(InetAddress source, NotifyResult result, String why, Message query, int rcode,
                                   NotifyKeys.Check tsig) {
        events.received(NotifyEvents.OTHER_ZONE, result);
        refusals.refused(source, result, why);
        return Optional.of(Replies.of(query, rcode, tsig));
    }

    static String zoneOf(Record question) {
        String name = question.getName().toString(true).toLowerCase(java.util.Locale.ROOT);
        return name.isEmpty() ? "." : name;
    }

    /** RFC 1996 section 3.7: the primary MAY put its new SOA in the answer section; only a hint. */
    private static OptionalLong serial(Message query, Record question) {
        for (Record r : query.getSection(Section.ANSWER)) {
            if (r instanceof SOARecord soa && soa.getName().equals(question.getName())) {
                return OptionalLong.of(soa.getSerial());
            }
        }
        return OptionalLong.empty();
    }
}
