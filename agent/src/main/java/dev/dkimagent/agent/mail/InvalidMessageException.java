package dev.dkimagent.agent.mail;

/** The input is not a message that can be verified; the text says why. */
public final class InvalidMessageException extends Exception {
    public InvalidMessageException(String message) {
        super(message);
    }
}
