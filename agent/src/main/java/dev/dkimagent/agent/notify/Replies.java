package dev.dkimagent.agent.notify;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** The RFC 1996 section 4.7 reply: same ID and opcode, QR and AA set, the question echoed, signed when asked. */
final class Replies {
    private static final int MAX_REPLY = 65535;

    private Replies() {
    }

    static byte[] of(Message query, int rcode, NotifyKeys.Check tsig) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setOpcode(query.getHeader().getOpcode());
        reply.getHeader().setFlag(Flags.QR);
        if (query.getHeader().getOpcode() == Opcode.NOTIFY) {
            reply.getHeader().setFlag(Flags.AA);
        }
        reply.getHeader().setRcode(rcode);
        Record question = query.getQuestion();
        if (question != null) {
            reply.addRecord(question, Section.QUESTION);
        }
        tsig.sign(reply, query);
        return reply.toWire(MAX_REPLY);  // toWire() without a size would leave a TSIG reply unsigned
    }
}
