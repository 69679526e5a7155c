package dev.dkimagent.agent.inventory.ses;

/**
 * What went wrong in one SES call, reduced to a code or kind that is safe to show (no message
 * texts, so no credentials, signatures or request bodies).
 *
 * @param operation the operation that failed (AssumeRole when the credentials could not be obtained)
 * @param code      the AWS error code (AccessDenied, Throttling ...) or a kind (timeout, unreachable, malformed ...)
 * @param outcome   the {@link SesCallEvent} outcome: throttled, denied or error
 */
record CallFailure(String operation, String code, String outcome) {
}
