package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Transport;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Reads the bytes that came back for one query, with the checks dnsjava's SimpleResolver makes:
 * a whole header, our message id, a body that parses, the question section present and equal to
 * ours (name, type, class). Pure and total: any byte array gives a reply or a typed failure, never
 * an exception (a fuzz test holds it to that). The transport has matched id and source before.
 */
final class ReplyReader {
    static final int HEADER_LENGTH = 12;

    /** A reply that passed every check, or why the bytes are not one. */
    record Read(Message reply, Failure failure) {
        static Read ok(Message reply) {
            return new Read(reply, null);
        }

        static Read failed(Transport transport, String reason) {
            return new Read(null, new Failure(transport, reason));
        }
    }

    private ReplyReader() {
    }

    static Read read(byte[] bytes, int id, Record question) {
        if (bytes.length < HEADER_LENGTH) {
            return Read.failed(Transport.MALFORMED,
                    "malformed reply: " + bytes.length + " bytes, shorter than a DNS header");
        }
        int got = idOf(bytes);
        if (got != id) {
            return Read.failed(Transport.MISMATCH,
                    "reply does not match the query: invalid message id: expected " + id + "; got id " + got);
        }
        Message reply;
        try {
            reply = new Message(bytes);
        } catch (java.io.IOException | RuntimeException e) {
            return Read.failed(Transport.MALFORMED, "malformed reply: " + bytes.length + " bytes that are not a DNS message");
        }
        return checkQuestion(reply, question);
    }

    /** The first two bytes, big-endian (the caller checks the length). */
    static int idOf(byte[] bytes) {
        return ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
    }

    /** True when the bytes parse as a DNS message (for a datagram that matched no query). */
    static boolean parses(byte[] bytes) {
        try {
            new Message(bytes);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static Read checkQuestion(Message reply, Record question) {
        Record echoed = reply.getQuestion();
        if (echoed == null) {
            return Read.failed(Transport.MALFORMED, "malformed reply: invalid message: question section missing");
        }
        if (!echoed.getName().equals(question.getName())) {
            return mismatch("invalid name in message: expected " + question.getName() + "; got " + echoed.getName());
        }
        if (echoed.getDClass() != question.getDClass()) {
            return mismatch("invalid class in message: expected " + DClass.string(question.getDClass())
                    + "; got " + DClass.string(echoed.getDClass()));
        }
        if (echoed.getType() != question.getType()) {
            return mismatch("invalid type in message: expected " + Type.string(question.getType())
                    + "; got " + Type.string(echoed.getType()));
        }
        return Read.ok(reply);
    }

    private static Read mismatch(String why) {
        return Read.failed(Transport.MISMATCH, "reply does not match the query: " + why);
    }
}
