package dev.dkimagent.agent.mail;

import dev.dkimagent.rules.model.Nameserver;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification of one DKIM-Signature: its tags, the body hash, expiry, and the header
 * signature checked against the key as each authoritative nameserver of d= serves it.
 *
 * @param field      the DKIM-Signature field as written
 * @param tags       null when the field could not be parsed
 * @param parseError why the field is not a valid signature (RFC 6376 permerror), else null
 * @param body       null when not parsed
 * @param expired    x= is in the past
 * @param lookup     the key on each nameserver; null when not parsed
 * @param keys       one verdict per nameserver address
 */
public record SignatureResult(String field, SignatureTags tags, String parseError, BodyHash body, boolean expired,
                              KeyLookup lookup, List<KeyVerdict> keys) {

    /** RFC 8601's words for a signature's result. */
    public enum Result { PASS, FAIL, PERMERROR, TEMPERROR }

    /** What is wrong, each with its kind, so the canary's rules need not read text. */
    public enum ProblemKind { INVALID_FIELD, BODY_HASH, EXPIRED, SIGNATURE, KEY_NOT_SERVED, KEY_UNREADABLE }

    /** server: the nameserver a key problem is about, else null. */
    public record Problem(ProblemKind kind, String detail, Nameserver server) {
        Problem(ProblemKind kind, String detail) {
            this(kind, detail, null);
        }
    }

    public SignatureResult {
        keys = List.copyOf(keys);
    }

    static SignatureResult unparsable(String field, String why) {
        return new SignatureResult(field, null, why, null, false, null, List.of());
    }

    public Result result() {
        if (parseError != null) {
            return Result.PERMERROR;
        }
        if (!problems().isEmpty()) {
            return Result.FAIL;
        }
        return keys.stream().anyMatch(k -> k.outcome() == KeyVerdict.Outcome.PASS) ? Result.PASS : Result.TEMPERROR;
    }

    /** Everything that makes the signature fail for some receiver; empty when it passes on every server. */
    public List<Problem> problems() {
        List<Problem> found = new ArrayList<>();
        if (parseError != null) {
            found.add(new Problem(ProblemKind.INVALID_FIELD, parseError));
            return found;
        }
        if (!body.matches()) {
            found.add(new Problem(ProblemKind.BODY_HASH, body.error() != null ? body.error()
                    : "body hash did not verify: the body was changed after signing (bh=" + body.expected()
                    + ", computed " + body.computed() + ")"));
        }
        if (expired) {
            found.add(new Problem(ProblemKind.EXPIRED, "signature expired (x=" + tags.expiresAt() + ")"));
        }
        for (KeyVerdict key : keys) {
            switch (key.outcome()) {
                case FAIL -> found.add(new Problem(ProblemKind.SIGNATURE, key.server() + ": " + key.reason(),
                        key.key().server()));
                case NOT_SERVED -> found.add(new Problem(ProblemKind.KEY_NOT_SERVED,
                        "key not served on " + key.server() + ": " + key.reason(), key.key().server()));
                default -> { }
            }
        }
        if (lookup != null && lookup.error() != null) {
            found.add(new Problem(ProblemKind.KEY_UNREADABLE, lookup.error()));
        }
        return found;
    }
}
