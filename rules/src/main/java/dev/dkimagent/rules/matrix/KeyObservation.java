package dev.dkimagent.rules.matrix;

import java.util.List;

/**
 * What the resolvers return for the TXT at one CNAME target: the key receivers get.
 *
 * @param target the CNAME target
 * @param status what the answer amounts to
 * @param txts   the TXT values (status TXT), else empty
 * @param detail why the key could not be read (status NOT_READ), else null
 */
public record KeyObservation(String target, Status status, List<String> txts, String detail) {

    /** The kinds of resolver answer a key judgement distinguishes. */
    public enum Status {
        /** TXT values at the target. */
        TXT,
        /** The name does not exist (NXDOMAIN). */
        NO_NAME,
        /** The name exists without TXT (NODATA). */
        NO_TXT,
        /** The resolvers were asked and gave no usable answer (timeout, garbage, SERVFAIL ...): no verdict on the key. */
        NOT_READ,
        /** Not asked: the observations hold no answer. */
        UNKNOWN
    }

    public KeyObservation {
        txts = List.copyOf(txts);
    }

    public KeyObservation(String target, Status status, List<String> txts) {
        this(target, status, txts, null);
    }

    /** The key was read: a verdict on it (present, absent, weak ...) is possible. */
    public boolean read() {
        return status == Status.TXT || status == Status.NO_NAME || status == Status.NO_TXT;
    }
}
