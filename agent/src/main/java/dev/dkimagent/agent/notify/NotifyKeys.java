package dev.dkimagent.agent.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.TextParseException;

/**
 * The configured TSIG keys (dnsjava's {@link TSIG}). With none, messages must come unsigned; with
 * some, a NOTIFY must be signed by one of them. Secrets stay inside the TSIG objects.
 */
public final class NotifyKeys {
    private record Key(Name algorithm, TSIG tsig) {
    }

    private final Map<Name, Key> byName = new HashMap<>();

    /**
     * @throws IllegalArgumentException naming the key (never its secret) when a name, algorithm or
     *         secret does not parse
     */
    public NotifyKeys(List<NotifyKey> keys) {
        for (NotifyKey key : keys) {
            try {
                Name name = Name.fromString(key.name(), Name.root);
                Name algorithm = TSIG.algorithmToName(key.algorithm());
                byName.put(name, new Key(algorithm, new TSIG(algorithm, name, key.secret())));
            } catch (TextParseException | RuntimeException e) {
                throw new IllegalArgumentException("TSIG key " + key.name() + ": the name, the algorithm ("
                        + key.algorithm() + ") or the base64 secret does not parse");
            }
        }
    }

    public static NotifyKeys none() {
        return new NotifyKeys(List.of());
    }

    Check check(Message query, byte[] wire) {
        TSIGRecord record = query.getTSIG();
        if (record == null) {
            return byName.isEmpty() ? Check.NONE
                    : new Check(false, "unsigned, and notify.tsig requires a key", Rcode.REFUSED, null, Rcode.NOERROR);
        }
        Key key = byName.get(record.getName());
        if (key == null || !key.algorithm().equals(record.getAlgorithm())) {
            // BADKEY replies are unsigned (RFC 8945 section 5.2.1): the key only names the TSIG record
            TSIG echo = new TSIG(record.getAlgorithm(), record.getName(), new byte[1]);
            return new Check(false, "unknown TSIG key or algorithm", Rcode.NOTAUTH, echo, Rcode.BADKEY);
        }
        int error = key.tsig().verify(query, wire, null);
        if (error != Rcode.NOERROR) {
            return new Check(false, "TSIG " + Rcode.TSIGstring(error) + " with key " + record.getName(),
                    Rcode.NOTAUTH, key.tsig(), error);
        }
        return new Check(true, "", Rcode.NOERROR, key.tsig(), Rcode.NOERROR);
    }

    /**
     * The outcome of the TSIG check and how to sign the reply.
     *
     * @param ok        the message may go on
     * @param why       for the log, when not ok
     * @param rcode     the header rcode of a refusal
     * @param key       the key to sign the reply with (null: unsigned)
     * @param tsigError the error for the reply's TSIG record (BADKEY, BADSIG, BADTIME), else NOERROR
     */
    record Check(boolean ok, String why, int rcode, TSIG key, int tsigError) {
        static final Check NONE = new Check(true, "", Rcode.NOERROR, null, Rcode.NOERROR);

        void sign(Message reply, Message query) {
            if (key != null && query.getTSIG() != null) {
                reply.setTSIG(key, tsigError, query.getTSIG());
            }
        }
    }
}
