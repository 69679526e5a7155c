package dev.dkimagent.agent.metrics;

/**
 * One firing finding as the alert lifecycle reports it. Only identifiers: never the message.
 * Fields that do not apply are null or empty (exported as the empty label value).
 *
 * @param identity the identity (domain); empty for a zone-wide or an SES-wide finding
 * @param zone     the zone apex the finding is about; empty for an SES-wide finding (MON01)
 * @param account  for SES findings, the SES account it was read in; else empty
 * @param region   for SES findings, the SES region it was read in; else empty
 * @param rule     rule id, e.g. {@code DKIM01}
 * @param tag      tag, e.g. {@code RECORD_MISSING}
 * @param level    {@code critical|error|warning|info} ({@code Severity.label()})
 */
public record FiringFinding(String identity, String zone, String account, String region, String rule, String tag,
                            String level) {

    /** A DNS finding: no SES account or region. */
    public static FiringFinding dns(String identity, String zone, String rule, String tag, String level) {
        return new FiringFinding(identity, zone, null, null, rule, tag, level);
    }
}
