package dev.dkimagent.agent.dns;

import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A query's bytes, written once per query and given a fresh id per attempt: header (opcode QUERY,
 * RD as asked), the question, and an EDNS0 OPT record with a 1232-byte payload (the DNS flag day
 * 2020 size). The same message Message.newQuery builds, without building a Message per attempt.
 */
final class QueryWire {
    static final int EDNS_PAYLOAD = 1232;
    private static final int RD = 0x0100;
    private static final int OPT = 41;

    private QueryWire() {
    }

    /** The query with id 0; {@link #withId} sets it. */
    static byte[] encode(Record question, boolean recursionDesired) {
        DNSOutput out = new DNSOutput(question.getName().length() + 32);
        out.writeU16(0);
        out.writeU16(recursionDesired ? RD : 0);
        out.writeU16(1); // question
        out.writeU16(0); // answer
        out.writeU16(0); // authority
        out.writeU16(1); // additional: OPT
        question.getName().toWire(out, null);
        out.writeU16(question.getType());
        out.writeU16(question.getDClass());
        out.writeU8(0); // OPT owner: the root
        out.writeU16(OPT);
        out.writeU16(EDNS_PAYLOAD);
        out.writeU32(0); // extended rcode, version 0, no flags
        out.writeU16(0); // no options
        return out.toByteArray();
    }

    /** Sets the message id in place (the array is written to the socket before the next attempt changes it). */
    static byte[] withId(byte[] wire, int id) {
        wire[0] = (byte) (id >>> 8);
        wire[1] = (byte) id;
        return wire;
    }

    /** The same query as a dnsjava Message, for the TCP client (which matches replies by the message's id). */
    static Message message(Record question, boolean recursionDesired, int id) {
        Message query = Message.newQuery(question);
        query.getHeader().setID(id);
        if (!recursionDesired) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        query.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0, 0), Section.ADDITIONAL);
        return query;
    }
}
