package dev.dkimagent.rules.matrix;

import java.util.List;

/**
 * What the resolvers return for the TXT at one CNAME target: the key receivers get.
 *
 * @param target the CNAME target
 * @param status what the answer amounts to
 * @param txts   the TXT values (status TXT), else empty
 */
public record KeyObservation(String target, Status status, List<String> txts) {

    /** The kinds of resolver answer a key judgement distinguishes. */
    public enum Status {
        /** TXT values at the target. */
        TXT,
        /** The name does not exist (NXDOMAIN). */
        NO_NAME,
        /** The name exists without TXT (NODATA). */
        NO_TXT,
        /** No verdict: the resolvers failed or were not asked. */
        UNKNOWN
    }

    public KeyObservation {
        txts = List.copyOf(txts);
    }
}
