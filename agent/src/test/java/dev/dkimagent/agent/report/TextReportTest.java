package dev.dkimagent.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.model.Snapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReportTest {

    private static String render(CheckOutcome outcome) {
        StringWriter text = new StringWriter();
        new TextReport(new PrintWriter(text)).print(outcome);
        return text.toString();
    }

    @Test
    void print_driftedIdentity_showsMissingCellOnlyOnTheServerThatLacksIt() {
        List<String> lines = render(ReportFixture.driftedOutcome()).lines().toList();

        String t1Row = lines.stream().filter(l -> l.trim().startsWith(ReportFixture.T1)).findFirst().orElseThrow();
        String t2Row = lines.stream().filter(l -> l.trim().startsWith(ReportFixture.T2)).findFirst().orElseThrow();
        assertThat(t1Row.trim().split("\\s+")).containsExactly(ReportFixture.T1, "ok", "ok", "ok");
        assertThat(t2Row.trim().split("\\s+")).containsExactly(ReportFixture.T2, "ok", "ok", "MISSING");
    }

    @Test
    void print_driftedIdentity_listsFindingsWithFixAndMarksIdentityFailing() {
        String text = render(ReportFixture.driftedOutcome());

        assertThat(text).contains("mycompany.test  [FAILING]  zone mycompany.test");
        assertThat(text).contains("[error] DKIM01 RECORD_MISSING selector " + ReportFixture.T2);
        assertThat(text).contains("on ns3.mycompany.test (127.53.0.13)");
        assertThat(text).contains("[warning] SOA01 MULTIPLE_SOA_SERIALS on ns3.mycompany.test (127.53.0.13)");
        assertThat(text).contains("fix: Add the CNAME on ns3.mycompany.test.");
        assertThat(text).contains("      dig: dig +norecurse @ns3.mycompany.test CNAME " + ReportFixture.T2
                + "._domainkey.mycompany.test");
        assertThat(text).contains("2 findings (1 error, 1 warning)");
    }

    @Test
    void print_finding_showsItsDigCommandOnceOnItsOwnLine() {
        String text = render(ReportFixture.driftedOutcome());

        assertThat(text.split("dig \\+norecurse @ns3.mycompany.test CNAME " + ReportFixture.T2, -1)).hasSize(2);
    }

    @Test
    void print_anyLine_fitsIn100ColumnsExceptAnUnbreakableCommand() {
        for (String line : render(ReportFixture.driftedOutcome()).lines().toList()) {
            if (!line.trim().startsWith("dig: ")) {
                assertThat(line.length()).as(line).isLessThanOrEqualTo(TextReport.WIDTH);
            }
        }
    }

    @Test
    void print_twoIdentitiesInOneZone_listZoneWideFindingsOnce() {
        CheckOutcome one = ReportFixture.driftedOutcome();
        var other = new dev.dkimagent.rules.model.Identity("shop." + ReportFixture.ZONE, "config",
                one.snapshot().identities().get(0).records());
        var snapshot = new dev.dkimagent.rules.model.Snapshot(one.snapshot().at(),
                List.of(one.snapshot().identities().get(0), other), one.snapshot().zones(),
                one.snapshot().zoneOfName(), one.snapshot().answers(), one.snapshot().keyAnswers());

        String text = render(new CheckOutcome(snapshot, one.verdicts(), one.failOn()));

        assertThat(text.split("SOA01 MULTIPLE_SOA_SERIALS", -1)).hasSize(2);
        assertThat(text).contains("(1 zone-wide finding of mycompany.test: listed under mycompany.test above)");
    }

    @Test
    void summary_countsPerSeverity_pluralisesOnlyTheNouns() {
        var one = ReportFixture.driftedOutcome().verdicts();
        var critical = new dev.dkimagent.rules.Verdict(one.get(0).finding(), dev.dkimagent.rules.Severity.CRITICAL, "m", "r");

        assertThat(TextReport.summary(List.of(critical, critical, one.get(0), one.get(1), one.get(1))))
                .isEqualTo("5 findings (2 critical, 1 error, 2 warnings)");
    }

    @Test
    void wrap_backquotedCommand_isNeverSplit() {
        String cmd = "`dig +norecurse @ns3.mycompany.test CNAME t2._domainkey.mycompany.test`";
        List<String> lines = Wrap.lines("Check with " + cmd + " after the fix.", 40);

        assertThat(lines).anyMatch(l -> l.contains(cmd));
    }

    @Test
    void print_everyCellJudgedAndEveryKeyRead_isOk() {
        Snapshot s = ReportFixture.driftedSnapshot(Map.of(T1_TARGET, ReportFixture.key(ReportFixture.T1),
                T2_TARGET, ReportFixture.key(ReportFixture.T2)), false);

        assertThat(render(new CheckOutcome(s, List.of(), Severity.CRITICAL))).contains(ReportFixture.ZONE + "  [OK]");
    }

    @Test
    void print_keyNotReadBelowTheThreshold_isNotJudgedNeverOk() {
        Snapshot s = ReportFixture.driftedSnapshot(Map.of(T1_TARGET, ReportFixture.key(ReportFixture.T1),
                T2_TARGET, ReportFixture.keyTimeout()), false);

        String text = render(new CheckOutcome(s, List.of(), Severity.CRITICAL));

        assertThat(text).contains(ReportFixture.ZONE + "  [NOT JUDGED]").doesNotContain("[OK]");
    }

    @Test
    void print_cellWithNothingToJudge_saysNotJudgedInItsColumn() {
        Snapshot s = ReportFixture.driftedSnapshot(Map.of(T1_TARGET, ReportFixture.key(ReportFixture.T1),
                T2_TARGET, ReportFixture.key(ReportFixture.T2)), true);

        List<String> lines = render(new CheckOutcome(s, List.of(), Severity.CRITICAL)).lines().toList();

        String t1Row = lines.stream().filter(l -> l.trim().startsWith(ReportFixture.T1)).findFirst().orElseThrow();
        assertThat(t1Row.trim().split("\\s+")).containsExactly(ReportFixture.T1, "ok", "NOT-JUDGED", "ok");
        assertThat(lines).anyMatch(l -> l.contains("[NOT JUDGED]"));
    }

    private static final String T1_TARGET = ReportFixture.T1 + ".dkim.amazonses.com";
    private static final String T2_TARGET = ReportFixture.T2 + ".dkim.amazonses.com";
}
