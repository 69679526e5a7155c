package dev.dkimagent.agent.mail;

import dev.dkimagent.agent.mail.KeyVerdict.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecord;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.impl.BodyHasherImpl;

/**
 * Verifies one DKIM-Signature of a message (RFC 6376 6.1) with jDKIM 0.3's parsing and
 * canonicalization: the body hash once, then the header signature once per nameserver, each
 * with the key that server serves (jDKIM's {@link PublicKeyRecordRetriever} seam). Pure: the
 * keys were fetched before.
 */
public final class SignatureVerifier {
    private SignatureVerifier() {
    }

    /** The field's d= and s=, or null when it cannot be parsed (nothing to look up). */
    public static SignatureTags tagsOf(String field) {
        try {
            return SignatureTags.of(parse(field));
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static SignatureResult verify(MailMessage message, String field, KeyLookup lookup, Instant now) {
        ExactSignatureRecord record;
        try {
            record = parse(field);
        } catch (RuntimeException e) {
            return SignatureResult.unparsable(field, "invalid DKIM-Signature: " + e.getMessage());
        }
        SignatureTags tags = SignatureTags.of(record);
        boolean expired = tags.expiresAt() != null && tags.expiresAt() < now.getEpochSecond();
        List<KeyVerdict> keys = lookup.servers().stream().map(key -> judge(message, record, key)).toList();
        return new SignatureResult(field, tags, null, bodyHash(message, record, tags), expired, lookup, keys);
    }

    private static ExactSignatureRecord parse(String field) {
        int colon = field.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("no ':' in the field");
        }
        ExactSignatureRecord record = new ExactSignatureRecord(field.substring(colon + 1));
        record.validate();
        return record;
    }

    private static BodyHash bodyHash(MailMessage message, ExactSignatureRecord record, SignatureTags tags) {
        try {
            BodyHasherImpl hasher = new BodyHasherImpl(record);
            try (OutputStream out = hasher.getOutputStream()) {
                out.write(message.body());
            }
            return new BodyHash(tags.bodyHash(), Base64.getEncoder().encodeToString(hasher.getDigest()), null);
        } catch (PermFailException | IOException e) {
            return new BodyHash(tags.bodyHash(), null, "body hash not computed: " + e.getMessage());
        }
    }

    private static KeyVerdict judge(MailMessage message, ExactSignatureRecord record, ServedKey key) {
        return switch (key.state()) {
            case NOT_SERVED -> new KeyVerdict(key, Outcome.NOT_SERVED, key.detail());
            case NO_ANSWER -> new KeyVerdict(key, Outcome.NO_ANSWER, key.detail());
            case SERVED -> withKey(message, record, key);
        };
    }

    private static KeyVerdict withKey(MailMessage message, ExactSignatureRecord record, ServedKey key) {
        PublicKeyRecord publicKey;
        try {
            publicKey = new DKIMVerifier(served(key)).publicRecordLookup(record);
        } catch (FailException e) {
            return new KeyVerdict(key, Outcome.FAIL, "unusable key: " + e.getMessage());
        } catch (RuntimeException e) {
            return new KeyVerdict(key, Outcome.FAIL, "unusable key: " + e);
        }
        String failure = HeaderSignature.check(message.headers(), record, publicKey);
        return failure == null ? new KeyVerdict(key, Outcome.PASS, null) : new KeyVerdict(key, Outcome.FAIL, failure);
    }

    /** The records one nameserver served, for jDKIM's key selection and applicability checks. */
    private static PublicKeyRecordRetriever served(ServedKey key) {
        return (method, selector, domain) -> {
            if (!"dns/txt".equalsIgnoreCase(method.toString())) {
                throw new PermFailException("unsupported key query method q=" + method);
            }
            return key.records();
        };
    }
}
