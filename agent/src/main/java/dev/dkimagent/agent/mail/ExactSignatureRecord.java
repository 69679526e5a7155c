package dev.dkimagent.agent.mail;

import java.util.regex.Pattern;
import org.apache.james.jdkim.tagvalue.SignatureRecordImpl;

/**
 * jDKIM's signature record with RFC 6376 3.7's "b= value deleted" done at a tag boundary.
 * jDKIM 0.3 blanks the first {@code b=[^;]*} anywhere, which hits a z= (copied headers) value
 * before b= such as {@code Subject:Club=20news} (DKIM quoted-printable writes a space as =20),
 * and then the valid signature fails. Expiry (x=) is left to {@link SignatureVerifier}, which
 * judges it against its own clock and still reports the tags of an expired signature.
 */
final class ExactSignatureRecord extends SignatureRecordImpl {
    private static final Pattern B_TAG = Pattern.compile("(^|;)([ \\t\\r\\n]*b[ \\t\\r\\n]*=)[^;]*");

    ExactSignatureRecord(String value) {
        super(value);
    }

    private boolean validating;

    /** jDKIM's syntax checks, without its expiry check on the system clock. */
    @Override
    public void validate() {
        validating = true;
        try {
            super.validate();
        } finally {
            validating = false;
        }
    }

    @Override
    protected CharSequence getValue(String key) {
        return validating && key.equals("x") ? null : super.getValue(key);
    }

    @Override
    public String toUnsignedString() {
        return B_TAG.matcher(toString()).replaceFirst("$1$2");
    }

    /** A tag's value as written (FWS trimmed), or null. */
    String tag(String name) {
        CharSequence value = getValue(name);
        return value == null ? null : value.toString();
    }
}
