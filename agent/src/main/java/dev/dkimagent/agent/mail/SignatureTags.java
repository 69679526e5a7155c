package dev.dkimagent.agent.mail;

import java.util.Base64;
import java.util.List;

/**
 * The tags of one DKIM-Signature a reader needs, as written.
 *
 * @param domain        d=
 * @param selector      s=
 * @param algorithm     a=, e.g. rsa-sha256
 * @param canonical     c=, header/body, e.g. relaxed/simple
 * @param headers       h=, in signing order
 * @param bodyHash      bh=, base64
 * @param bodyLength    l=, or null when the whole body is signed
 * @param identity      i= (the default "@d=" when absent)
 * @param signedAt      t= in epoch seconds, or null
 * @param expiresAt     x= in epoch seconds, or null
 */
public record SignatureTags(String domain, String selector, String algorithm, String canonical, List<String> headers,
                            String bodyHash, Long bodyLength, String identity, Long signedAt, Long expiresAt) {

    public SignatureTags {
        headers = List.copyOf(headers);
    }

    static SignatureTags of(ExactSignatureRecord record) {
        int limit = record.getBodyHashLimit();
        return new SignatureTags(
                record.getDToken().toString().toLowerCase(java.util.Locale.ROOT),
                record.getSelector().toString(),
                record.getHashKeyType() + "-" + record.getHashMethod(),
                record.getHeaderCanonicalisationMethod() + "/" + record.getBodyCanonicalisationMethod(),
                record.getHeaders().stream().map(CharSequence::toString).toList(),
                Base64.getEncoder().encodeToString(record.getBodyHash()),
                limit < 0 ? null : (long) limit,
                String.valueOf(record.getIdentity()),
                record.getSignatureTimestamp(),
                epochSeconds(record.tag("x")));
    }

    private static Long epochSeconds(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
