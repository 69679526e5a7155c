package dev.dkimagent.agent.alert.slack;

import dev.dkimagent.agent.alert.DeliveryResult;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;

/**
 * What an I/O failure says about a post: when no connection was made, nothing was sent (RETRY);
 * once the request may have gone out (read timeout, connection reset, cut-off answer) Slack may
 * have posted it (UNCERTAIN).
 */
final class IoFailures {

    private IoFailures() {
    }

    static DeliveryResult classify(String what, Exception e, Redactor redactor) {
        String detail = " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        if (neverSent(e)) {
            return DeliveryResult.retry(null, redactor.clean("Could not reach " + what + detail + "; will retry"));
        }
        return DeliveryResult.uncertain(redactor.clean("No answer from " + what + detail
                + "; it may have been posted, will look or retry later"));
    }

    /** Failures that happen before a byte of the request is sent. */
    static boolean neverSent(Exception e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof SSLHandshakeException) {
            return true;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return e instanceof SocketTimeoutException && message.contains("connect");
    }
}
