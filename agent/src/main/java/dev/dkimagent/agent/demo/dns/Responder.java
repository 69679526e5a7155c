package dev.dkimagent.agent.demo.dns;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * Turns one query into one reply from the zones it holds. As an authoritative server it sets AA and
 * ignores RD (authoritative data is the same either way); as a resolver it sets RA, not AA. A name
 * outside every zone is REFUSED, as a server that is not authoritative and does not recurse says.
 */
public final class Responder {

    /** How the server presents its data. */
    public enum Role { AUTHORITATIVE, RESOLVER }

    private volatile List<Zone> zones;
    private final Role role;

    public Responder(List<Zone> zones, Role role) {
        this.zones = List.copyOf(zones);
        this.role = role;
    }

    /** Serves these zones from now on, as a server does after a zone transfer or reload. */
    public void replace(List<Zone> newZones) {
        this.zones = List.copyOf(newZones);
    }

    public Message reply(Message query) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (question == null) {
            reply.getHeader().setRcode(Rcode.FORMERR);
            return reply;
        }
        reply.addRecord(question, Section.QUESTION);
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            reply.getHeader().setRcode(Rcode.NOTIMP);
            return reply;
        }
        Optional<Zone> zone = zoneFor(question.getName());
        if (zone.isEmpty()) {
            reply.getHeader().setRcode(Rcode.REFUSED);
            return reply;
        }
        reply.getHeader().setFlag(role == Role.AUTHORITATIVE ? Flags.AA : Flags.RA);
        answer(reply, zone.get(), question);
        return reply;
    }

    private static void answer(Message reply, Zone zone, Record question) {
        Zone.Lookup found = zone.lookup(question.getName(), question.getType());
        switch (found.kind()) {
            case ANSWER -> found.answer().forEach(r -> reply.addRecord(r, Section.ANSWER));
            case NODATA -> reply.addRecord(negativeSoa(zone.soa()), Section.AUTHORITY);
            case NXDOMAIN -> {
                reply.getHeader().setRcode(Rcode.NXDOMAIN);
                reply.addRecord(negativeSoa(zone.soa()), Section.AUTHORITY);
            }
        }
    }

    /** RFC 2308: the SOA of a negative answer carries min(SOA TTL, SOA MINIMUM) as its TTL. */
    private static Record negativeSoa(SOARecord soa) {
        return new SOARecord(soa.getName(), soa.getDClass(), Math.min(soa.getTTL(), soa.getMinimum()), soa.getHost(),
                soa.getAdmin(), soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum());
    }

    /** The deepest zone holding name. */
    private Optional<Zone> zoneFor(Name name) {
        return zones.stream().filter(z -> z.covers(name)).max(Comparator.comparingInt(z -> z.apex().labels()));
    }
}
