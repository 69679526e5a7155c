package dev.dkimagent.rules.model;

/**
 * SES could not be read for one account and region: the monitor is blind there.
 *
 * @param account   configured account name
 * @param region    region
 * @param operation the API operation that failed, e.g. {@code ListIdentities}
 * @param error     the error code or kind (AccessDenied, Throttling, timeout ...), never a secret
 */
public record SesApiError(String account, String region, String operation, String error) {
}
