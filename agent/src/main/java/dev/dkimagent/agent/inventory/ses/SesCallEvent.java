package dev.dkimagent.agent.inventory.ses;

/**
 * One SES API call as seen by the inventory (after the SDK's retries), for metrics.
 *
 * @param operation e.g. {@code ListIdentities}, {@code GetIdentityDkimAttributes}, {@code GetEmailIdentity}
 * @param outcome   {@code ok}, {@code throttled}, {@code denied} or {@code error}
 */
public record SesCallEvent(String operation, String outcome) {
}
