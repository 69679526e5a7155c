package dev.dkimagent.agent.store;

/** A read or write on an open store failed (database gone, disk full, constraint violated). */
public final class StoreAccessException extends RuntimeException {

    public StoreAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
