package dev.dkimagent.agent.alert;

import java.time.Instant;

/**
 * SES's view of the identity, when known, for the alert header.
 *
 * @param deadline when SES will likely revoke signing (about 72 h after the last success), or null
 */
public record SesLine(String account, String region, String status, Instant deadline) {
}
