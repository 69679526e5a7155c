package dev.dkimagent.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.AlertStatus;
import dev.dkimagent.agent.metrics.FiringFinding;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dkim_findings rows carry the finding's own identity, zone and SES source, not its notification group. */
class FiringFindingsTest {
    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    private static AlertState state(String rule, String tag, Subject subject, String group, AlertStatus status) {
        Finding finding = new Finding(rule, tag, subject, Map.of());
        AlertLine line = new AlertLine(finding.key(), rule, tag, Severity.ERROR, subject.zone(), subject.selector(),
                subject.nameserver(), subject.address(), "message", "remediation", null);
        return new AlertState(finding.key(), group, status, 3, 0, AT, AT, line);
    }

    @Test
    void of_recordFinding_hasItsIdentityAndZone() {
        AlertState s = state("DKIM01", "RECORD_MISSING",
                new Subject("mail.example.com", "example.com", "t1", "ns1.example.com", "192.0.2.1"),
                "mail.example.com", AlertStatus.FIRING);

        assertThat(FiringFindings.of(s)).isEqualTo(
                FiringFinding.dns("mail.example.com", "example.com", "DKIM01", "RECORD_MISSING", "error"));
    }

    /** Its group is the zone apex; the identity label must stay empty, the zone label names the zone. */
    @Test
    void of_zoneWideFinding_hasNoIdentityButItsZone() {
        AlertState s = state("SOA01", "MULTIPLE_SOA_SERIALS", Subject.zone("example.com"), "example.com",
                AlertStatus.FIRING);

        assertThat(FiringFindings.of(s)).isEqualTo(
                FiringFinding.dns("", "example.com", "SOA01", "MULTIPLE_SOA_SERIALS", "error"));
    }

    /** Its group is the source "ses:prod/eu-west-1"; the labels split it into account and region. */
    @Test
    void of_mon01_hasItsAccountAndRegion_noIdentityNoZone() {
        AlertState s = state("MON01", "SES_API_ERROR", new Subject(null, null, null, null, null, "ses:prod/eu-west-1"),
                "ses:prod/eu-west-1", AlertStatus.FIRING);

        assertThat(FiringFindings.of(s)).isEqualTo(
                new FiringFinding("", "", "prod", "eu-west-1", "MON01", "SES_API_ERROR", "error"));
    }

    @Test
    void of_sesFinding_hasIdentityZoneAccountAndRegion() {
        AlertState s = state("SES03", "SES_AT_RISK", Subject.ses("example.com", "example.com", "ses:default/us-east-1"),
                "example.com", AlertStatus.FIRING);

        assertThat(FiringFindings.of(s)).isEqualTo(
                new FiringFinding("example.com", "example.com", "default", "us-east-1", "SES03", "SES_AT_RISK", "error"));
    }

    @Test
    void of_states_keepsOnlyTheFiringOnes() {
        Subject subject = Subject.zone("example.com");
        List<FiringFinding> firing = FiringFindings.of(List.of(
                state("SOA01", "MULTIPLE_SOA_SERIALS", subject, "example.com", AlertStatus.FIRING),
                state("NS01", "ZONE_UNRESOLVED", subject, "example.com", AlertStatus.PENDING)));

        assertThat(firing).extracting(FiringFinding::rule).containsExactly("SOA01");
    }
}
