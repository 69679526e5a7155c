package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Transport;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.WireParseException;

/**
 * Reads what an attempt's exception means. dnsjava 3.6.4 (SimpleResolver) fails a UDP exchange on
 * the first datagram that does not fit: "invalid message id: ..." and "invalid name|class|type in
 * message: ..." are replies to someone else's question (MISMATCH); any other WireParseException
 * (a short header, a body that does not parse, a reply without its question section) or
 * {@link MalformedReplyException} from our guard means bytes we cannot read as a reply (MALFORMED). Over TCP it silently drops a reply with a
 * foreign id, so that case ends as TIMEOUT.
 */
record Failure(Transport transport, String reason) {

    static Failure of(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return new Failure(Transport.TIMEOUT, "timeout");
        }
        if (t instanceof MalformedReplyException) {
            return new Failure(Transport.MALFORMED, t.getMessage());
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
