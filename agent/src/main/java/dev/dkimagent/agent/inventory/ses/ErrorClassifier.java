package dev.dkimagent.agent.inventory.ses;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sts.model.StsException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Set;

/** Turns an SDK exception into a {@link CallFailure}: a code or a kind, never a message text. */
final class ErrorClassifier {
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException",
            "SignatureDoesNotMatch", "InvalidAccessKeyId", "MissingAuthenticationToken", "AuthFailure");

    private ErrorClassifier() {
    }

    static CallFailure classify(String operation, Throwable error) {
        AwsServiceException service = find(error, AwsServiceException.class);
        if (service != null) {
            return fromService(operation, service);
        }
        return new CallFailure(operation, kind(error), SesCallEvent.ERROR);
    }

    private static CallFailure fromService(String operation, AwsServiceException e) {
        String op = e instanceof StsException ? "AssumeRole" : operation;
        String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : "HTTP " + e.statusCode();
        String outcome = e.isThrottlingException() ? SesCallEvent.THROTTLED
                : DENIED.contains(code) || e.statusCode() == 403 ? SesCallEvent.DENIED : SesCallEvent.ERROR;
        return new CallFailure(op, code, outcome);
    }

    /** A short kind for errors without an AWS code; order matters (a timeout is also an IOException). */
    static String kind(Throwable error) {
        if (find(error, ApiCallTimeoutException.class) != null
                || find(error, ApiCallAttemptTimeoutException.class) != null
                || find(error, SocketTimeoutException.class) != null) {
            return "timeout";
        }
        if (find(error, AbortedException.class) != null || find(error, InterruptedException.class) != null) {
            return "aborted";
        }
        if (find(error, IOException.class) != null) {
            return "unreachable";
        }
        if (isParseError(error)) {
            return "malformed";
        }
        String message = String.valueOf(error.getMessage());
        if (message.contains("Unable to load credentials")) {
            return "credentials";
        }
        return "client-error";
    }

    private static boolean isParseError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (name.contains("XMLStream") || name.contains("Json") || name.contains("SAX")
                    || message.contains("unmarshall") || message.contains("parse")) {
                return true;
            }
        }
        return false;
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
