package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Transport;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.WireParseException;

/**
 * How an attempt failed: the transport outcome and a reason a person can read. {@link #of} reads
 * an exception (a socket error, dnsjava's TCP client: it silently drops a reply with a foreign id,
 * so that case ends as TIMEOUT); {@link ReplyReader} builds the MALFORMED and MISMATCH ones.
 */
record Failure(Transport transport, String reason) {

    static Failure of(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return new Failure(Transport.TIMEOUT, "timeout");
        }
        if (t instanceof WireParseException) {
            return isMismatch(t.getMessage())
                    ? new Failure(Transport.MISMATCH, "reply does not match the query: " + t.getMessage())
                    : new Failure(Transport.MALFORMED, "malformed reply: " + t.getMessage());
        }
        return new Failure(Transport.NETWORK_ERROR, "network error: " + describe(t));
    }

    boolean retryable() {
        return transport == Transport.TIMEOUT || transport == Transport.NETWORK_ERROR;
    }

    private static boolean isMismatch(String message) {
        return message != null && (message.startsWith("invalid message id")
                || message.startsWith("invalid name in message")
                || message.startsWith("invalid class in message")
                || message.startsWith("invalid type in message"));
    }

    private static String describe(Throwable t) {
        String kind = t.getClass().getSimpleName();
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return kind;
        }
        return t instanceof IOException ? message + " (" + kind + ")" : kind + ": " + message;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
