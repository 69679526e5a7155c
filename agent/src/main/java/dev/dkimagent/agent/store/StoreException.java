package dev.dkimagent.agent.store;

/** The state database cannot be used: the message says what happened, where, and what to do. */
public class StoreException extends Exception {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
