package dev.dkimagent.agent.metrics;

/**
 * One firing finding as the alert lifecycle reports it. Only identifiers: never the message.
 *
 * @param identity the identity (domain), or null/empty for a zone-wide finding
 * @param rule     rule id, e.g. {@code DKIM01}
 * @param tag      tag, e.g. {@code RECORD_MISSING}
 * @param severity {@code critical|error|warning|info} ({@code Severity.label()})
 */
public record FiringFinding(String identity, String rule, String tag, String severity) {
}
