package dev.dkimagent.agent.alert;

/**
 * A stored alert state or message cannot be read: a format version this agent does not know, a
 * field missing, an unknown field, a value of the wrong kind. Never guessed around: a field read
 * wrong or dropped would re-announce or lose an alert.
 */
public final class StoredFormatException extends RuntimeException {

    public StoredFormatException(String message) {
        super(message);
    }

    public StoredFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
