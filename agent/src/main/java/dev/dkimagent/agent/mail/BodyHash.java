package dev.dkimagent.agent.mail;

/**
 * The body hash check of one signature.
 *
 * @param expected bh= as written (base64)
 * @param computed the hash of the body canonicalized per c= and cut at l=, base64; null on error
 * @param error    why it could not be computed (unsupported canonicalization or algorithm), else null
 */
public record BodyHash(String expected, String computed, String error) {

    public boolean matches() {
        return error == null && expected.equals(computed);
    }
}
