package dev.dkimagent.agent.alert;

import java.time.Instant;

/**
 * SES's view of the identity, when known, for the alert header.
 *
 * @param deadline when SES will likely revoke signing (about 72 h after the last success), or null
 */
public record SesLine(String account, String region, String status, Instant deadline) {
    /** The account name the inventory gives the agent's own credentials when no ses.accounts are configured. */
    static final String OWN_CREDENTIALS_ACCOUNT = "default";

    /** What the account name means, for "default": a reader cannot guess it. Empty otherwise. */
    public String accountNote() {
        return OWN_CREDENTIALS_ACCOUNT.equals(account) ? " (the agent's own AWS credentials)" : "";
    }
}
