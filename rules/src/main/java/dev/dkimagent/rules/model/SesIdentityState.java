package dev.dkimagent.rules.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What SES says about one identity in one account and region. Fields the API did not give are
 * null (v2 details are fetched only where needed, see {@code detailed}).
 *
 * @param identity          the domain
 * @param account           the configured account name ("default" for the default credentials)
 * @param region            e.g. {@code us-east-1}
 * @param status            DKIM verification status
 * @param signingEnabled    DKIM signing enabled
 * @param origin            {@code AWS_SES}, {@code EXTERNAL} or {@code AWS_SES_<REGION>} (replica); null if unknown
 * @param tokens            Easy DKIM tokens, or the BYODKIM selector
 * @param signingHostedZone the CNAME target zone, e.g. {@code dkim.amazonses.com}; null if unknown
 * @param currentKeyLength  e.g. {@code RSA_2048_BIT}; null if unknown
 * @param nextKeyLength     null if unknown
 * @param lastKeyGeneration null if unknown
 * @param errorType         v2 VerificationInfo.ErrorType, null if none
 * @param lastChecked       v2 VerificationInfo.LastCheckedTimestamp
 * @param lastSuccess       v2 VerificationInfo.LastSuccessTimestamp
 * @param soaSerial         the SOA serial SES saw (v2 VerificationInfo.SOARecord.SerialNumber)
 * @param detailed          true when the v2 details above were fetched in this sweep or recently
 */
public record SesIdentityState(String identity, String account, String region, DkimStatus status,
                               boolean signingEnabled, String origin, List<String> tokens,
                               String signingHostedZone, String currentKeyLength, String nextKeyLength,
                               Instant lastKeyGeneration, String errorType, Instant lastChecked,
                               Instant lastSuccess, Long soaSerial, boolean detailed) {

    public SesIdentityState {
        identity = Names.normal(identity);
        tokens = List.copyOf(tokens);
    }

    /** "ses:<account>/<region>": where this state came from, also the Identity source. */
    public String source() {
        return "ses:" + account + "/" + region;
    }

    /** SES gives up on records it cannot see about this long after the last success (domain-facts.md). */
    public static final Duration REVOCATION_GRACE = Duration.ofHours(72);

    /**
     * The last known success: the later of SES's own LastSuccessTimestamp and the last sweep that
     * saw SUCCESS ({@code memory} may be null). Alerts, findings and metrics all use this one.
     */
    public Optional<Instant> lastKnownSuccess(SesMemory memory) {
        Instant remembered = memory == null ? null : memory.lastSuccess();
        if (lastSuccess == null || remembered == null) {
            return Optional.ofNullable(lastSuccess != null ? lastSuccess : remembered);
        }
        return Optional.of(lastSuccess.isAfter(remembered) ? lastSuccess : remembered);
    }

    /** When SES will likely revoke signing: the last known success plus 72 hours. */
    public Optional<Instant> revocationDeadline(SesMemory memory) {
        return lastKnownSuccess(memory).map(t -> t.plus(REVOCATION_GRACE));
    }

    /** A replica (Deterministic Easy DKIM): its records are its parent region's. */
    public boolean replica() {
        return origin != null && origin.startsWith("AWS_SES_");
    }

    public boolean byodkim() {
        return "EXTERNAL".equals(origin);
    }
}
