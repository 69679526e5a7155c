package dev.dkimagent.agent.mail;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Locale;
import org.apache.james.jdkim.DKIMCommon;
import org.apache.james.jdkim.api.Headers;
import org.apache.james.jdkim.api.PublicKeyRecord;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.PermFailException;

/**
 * The header hash of one signature checked with one key, through jDKIM's header
 * canonicalization. jDKIM's own check is private to its all-signatures-at-once verifier, which
 * hides every result once one signature passes (JDKIM-14); this runs it per signature and key.
 */
final class HeaderSignature extends DKIMCommon {
    private HeaderSignature() {
    }

    /** null when the key verifies the signature, else why not. */
    static String check(Headers headers, SignatureRecord sign, PublicKeyRecord key) {
        try {
            Signature signature = Signature.getInstance(sign.getHashMethod().toString().toUpperCase(Locale.ROOT)
                    + "with" + sign.getHashKeyType().toString().toUpperCase(Locale.ROOT));
            PublicKey publicKey = key.getPublicKey();
            signature.initVerify(publicKey);
            signatureCheck(headers, sign, sign.getHeaders(), signature);
            return signature.verify(sign.getSignature()) ? null
                    : "signature did not verify with this key (headers changed after signing, or another key)";
        } catch (PermFailException | IllegalStateException e) {
            return "cannot verify: " + e.getMessage();
        } catch (GeneralSecurityException e) {
            return "cannot verify with this key: " + e.getMessage();
        }
    }
}
