package dev.dkimagent.agent.mail;

/**
 * The signature's header hash checked against the key one nameserver serves.
 *
 * @param key     what that nameserver serves
 * @param outcome PASS: the key verifies the signature; FAIL: it does not, or is no usable key;
 *                NOT_SERVED / NO_ANSWER: as {@link ServedKey.State}
 * @param reason  why not PASS, else null
 */
public record KeyVerdict(ServedKey key, Outcome outcome, String reason) {

    public enum Outcome { PASS, FAIL, NOT_SERVED, NO_ANSWER }

    public String server() {
        return key.server().display();
    }
}
