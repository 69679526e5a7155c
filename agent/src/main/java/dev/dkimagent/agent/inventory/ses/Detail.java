package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.rules.model.DkimStatus;

import java.time.Instant;
import java.util.List;

/** v2 GetEmailIdentity details of one identity, and when they were fetched. */
record Detail(DkimStatus status, boolean signingEnabled, List<String> tokens, String signingHostedZone,
              String origin, String currentKeyLength, String nextKeyLength, Instant lastKeyGeneration,
              String errorType, Instant lastChecked, Instant lastSuccess, Long soaSerial, Instant fetchedAt) {

    Detail {
        tokens = List.copyOf(tokens);
    }

    /** A zone other identities of the region may borrow: Easy DKIM's own, not BYODKIM's or a replica's. */
    boolean teachesZone() {
        return signingHostedZone != null && !signingHostedZone.isBlank()
                && (origin == null || origin.equals("AWS_SES"));
    }
}
