package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.FindingsAssert.assertFindings;
import static dev.dkimagent.rules.catalogue.TestWorld.NS2;
import static dev.dkimagent.rules.catalogue.TestWorld.NS3;
import static dev.dkimagent.rules.catalogue.TestWorld.authority;
import static dev.dkimagent.rules.catalogue.TestWorld.cname;
import static dev.dkimagent.rules.catalogue.TestWorld.name;
import static dev.dkimagent.rules.catalogue.TestWorld.nxdomain;
import static dev.dkimagent.rules.catalogue.TestWorld.reply;
import static dev.dkimagent.rules.catalogue.TestWorld.timeout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.SesApiError;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SesRulesTest {
    private static final Instant LAST_SUCCESS = Instant.parse("2026-11-28T10:00:00Z");
    private static final String DEADLINE = "2026-12-01T10:00:00Z";
    private static final String[] T2_MISSING_ON_NS3 = {"DKIM01.RECORD_MISSING@t2@127.0.0.13"};

    private static TestWorld t2MissingOnNs3() {
        return TestWorld.healthy().answer("t2", "CNAME", NS3, nxdomain(authority(300, 3600)));
    }

    private static String[] plus(String[] base, String... more) {
        String[] out = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    @Test
    void evaluate_sesSuccessAndHealthyDns_findsNothing() {
        assertFindings(TestWorld.healthy().ses(SesStates.status(DkimStatus.SUCCESS).build()).evaluate()).none();
    }

    @Test
    void evaluate_unknownStatus_findsNothing() {
        assertFindings(TestWorld.healthy().ses(SesStates.status(null).build()).evaluate()).none();
    }

    @Test
    void evaluate_pending_saysSinceKeyGeneration_withSesSubject() {
        TestWorld w = TestWorld.healthy()
                .ses(SesStates.status(DkimStatus.PENDING).keysGenerated(Instant.parse("2026-11-30T08:00:00Z")).build());

        Finding f = assertFindings(w.evaluate()).exactly("SES01.SES_DKIM_PENDING@-@-").the("SES01.SES_DKIM_PENDING@-@-");

        assertThat(f.subject().identity()).isEqualTo("a.test");
        assertThat(f.subject().zone()).isEqualTo("a.test");
        assertThat(f.subject().source()).isEqualTo(SesStates.SOURCE);
        assertThat(f.subject().nameserver()).isNull();
        assertThat(f.args()).containsEntry("since", "2026-11-30T08:00:00Z").containsEntry("account", "prod")
                .containsEntry("region", "eu-west-1")
                .containsEntry("dig", "dig +short CNAME t1._domainkey.a.test; dig +short CNAME t2._domainkey.a.test; "
                        + "dig +short CNAME t3._domainkey.a.test");
    }

    @Test
    void evaluate_pendingWithoutKeyGenerationTime_saysUnknownTime() {
        TestWorld w = TestWorld.healthy().ses(SesStates.status(DkimStatus.PENDING).build());

        Finding f = assertFindings(w.evaluate()).exactly("SES01.SES_DKIM_PENDING@-@-").the("SES01.SES_DKIM_PENDING@-@-");

        assertThat(f.args()).containsEntry("since", "an unknown time");
    }

    @Test
    void evaluate_notStarted_emitsNotStarted() {
        TestWorld w = TestWorld.healthy().ses(SesStates.status(DkimStatus.NOT_STARTED).tokens().build());

        Finding f = assertFindings(w.evaluate()).exactly("SES01.SES_DKIM_NOT_STARTED@-@-").the("SES01.SES_DKIM_NOT_STARTED@-@-");

        assertThat(f.args()).containsEntry("dig", "dig +trace NS a.test");
    }

    @Test
    void evaluate_temporaryFailureAfterSuccess_emitsStatusAndVerificationLostWithDeadlineFromState() {
        TestWorld w = t2MissingOnNs3().ses(SesStates.status(DkimStatus.TEMPORARY_FAILURE)
                .lastSuccess(LAST_SUCCESS).errorType("HOST_NOT_FOUND").build());

        FindingsAssert found = assertFindings(w.evaluate()).exactly(plus(T2_MISSING_ON_NS3,
                "SES01.SES_DKIM_TEMPORARY_FAILURE@-@-", "SES02.VERIFICATION_LOST@-@-"));

        assertThat(found.the("SES01.SES_DKIM_TEMPORARY_FAILURE@-@-").args()).containsEntry("deadline", DEADLINE)
                .containsEntry("lastSuccess", "2026-11-28T10:00:00Z").containsEntry("errorType", "HOST_NOT_FOUND");
        assertThat(found.the("SES02.VERIFICATION_LOST@-@-").args()).containsEntry("deadline", DEADLINE)
                .containsEntry("status", "TEMPORARY_FAILURE");
    }

    @Test
    void evaluate_temporaryFailureWithoutStateSuccess_takesLastSuccessFromMemory() {
        SesIdentityState state = SesStates.status(DkimStatus.TEMPORARY_FAILURE).build();
        TestWorld w = t2MissingOnNs3().ses(state)
                .sesMemory(state, new SesMemory(DkimStatus.SUCCESS, LAST_SUCCESS, TestWorld.SELECTORS));

        FindingsAssert found = assertFindings(w.evaluate()).exactly(plus(T2_MISSING_ON_NS3,
                "SES01.SES_DKIM_TEMPORARY_FAILURE@-@-", "SES02.VERIFICATION_LOST@-@-"));

        assertThat(found.the("SES01.SES_DKIM_TEMPORARY_FAILURE@-@-").args()).containsEntry("deadline", DEADLINE)
                .containsEntry("errorType", "unknown");
        assertThat(found.the("SES02.VERIFICATION_LOST@-@-").args()).containsEntry("lastSuccess", "2026-11-28T10:00:00Z");
    }

    @Test
    void evaluate_stateSuccessTimeWinsOverMemory() {
        SesIdentityState state = SesStates.status(DkimStatus.TEMPORARY_FAILURE).lastSuccess(LAST_SUCCESS).build();
        TestWorld w = t2MissingOnNs3().ses(state)
                .sesMemory(state, new SesMemory(DkimStatus.SUCCESS, Instant.parse("2026-11-20T00:00:00Z"), List.of()));

        Finding f = assertFindings(w.evaluate()).the("SES01.SES_DKIM_TEMPORARY_FAILURE@-@-");

        assertThat(f.args()).containsEntry("deadline", DEADLINE);
    }

    @Test
    void evaluate_temporaryFailureNeverVerified_emitsOnlyStatusWithUnknownDeadline() {
        TestWorld w = t2MissingOnNs3().ses(SesStates.status(DkimStatus.TEMPORARY_FAILURE).build());

        Finding f = assertFindings(w.evaluate()).exactly(plus(T2_MISSING_ON_NS3, "SES01.SES_DKIM_TEMPORARY_FAILURE@-@-"))
                .the("SES01.SES_DKIM_TEMPORARY_FAILURE@-@-");

        assertThat(f.args()).containsEntry("deadline", "unknown").containsEntry("lastSuccess", "unknown");
    }

    @Test
    void evaluate_failedAfterSuccessSeenOnlyAsLastStatus_emitsVerificationLostWithUnknownDeadline() {
        SesIdentityState state = SesStates.status(DkimStatus.FAILED).build();
        TestWorld w = t2MissingOnNs3().ses(state).sesMemory(state, new SesMemory(DkimStatus.SUCCESS, null, List.of()));

        Finding f = assertFindings(w.evaluate()).exactly(plus(T2_MISSING_ON_NS3,
                        "SES01.SES_DKIM_FAILED@-@-", "SES02.VERIFICATION_LOST@-@-"))
                .the("SES02.VERIFICATION_LOST@-@-");

        assertThat(f.args()).containsEntry("deadline", "unknown").containsEntry("status", "FAILED");
    }

    @Test
    void evaluate_verifiedButSigningDisabled_emitsSigningDisabled() {
        TestWorld w = TestWorld.healthy().ses(SesStates.status(DkimStatus.SUCCESS).signingDisabled().build());

        assertFindings(w.evaluate()).exactly("SES02.SIGNING_DISABLED@-@-");
    }

    @Test
    void evaluate_successWithRecordMissingOnNs3_emitsAtRiskNamingNs3() {
        TestWorld w = t2MissingOnNs3().ses(SesStates.status(DkimStatus.SUCCESS).build());

        Finding f = assertFindings(w.evaluate()).exactly(plus(T2_MISSING_ON_NS3, "SES03.SES_AT_RISK@-@-"))
                .the("SES03.SES_AT_RISK@-@-");

        assertThat(f.args()).containsEntry("problems", "t2._domainkey.a.test on ns3.a.test (127.0.0.13): missing")
                .containsEntry("deadline", "about 72 hours after SES next checks")
                .containsEntry("dig", "dig +norecurse @ns3.a.test CNAME t2._domainkey.a.test");
        assertThat(f.subject().source()).isEqualTo(SesStates.SOURCE);
    }

    @Test
    void evaluate_successWithSeveralWrongRecords_listsEveryProblemSortedInOneFinding() {
        TestWorld w = t2MissingOnNs3().answer("t1", "CNAME", NS2, reply(cname(name("t1"), "x.example.net", 3600)));

        Finding f = assertFindings(w.ses(SesStates.status(DkimStatus.SUCCESS).build()).evaluate())
                .the("SES03.SES_AT_RISK@-@-");

        assertThat(f.args().get("problems")).isEqualTo(
                "t1._domainkey.a.test on ns2.a.test (127.0.0.12): serves x.example.net instead of t1.dkim.amazonses.com; "
                        + "t2._domainkey.a.test on ns3.a.test (127.0.0.13): missing");
        assertThat(f.args().get("dig")).isEqualTo("dig +norecurse @ns2.a.test CNAME t1._domainkey.a.test; "
                + "dig +norecurse @ns3.a.test CNAME t2._domainkey.a.test");
    }

    @Test
    void evaluate_sameIdentityVerifiedInTwoRegions_givesEachSourceItsAtRisk() {
        TestWorld w = t2MissingOnNs3().ses(SesStates.status(DkimStatus.SUCCESS).build())
                .ses(SesStates.status(DkimStatus.SUCCESS).where("prod", "us-east-1").build());

        List<Verdict> verdicts = w.evaluate();

        assertFindings(verdicts).exactly(plus(T2_MISSING_ON_NS3, "SES03.SES_AT_RISK@-@-", "SES03.SES_AT_RISK@-@-"));
        assertThat(verdicts.stream().filter(v -> v.finding().rule().equals("SES03")).map(v -> v.finding().key()))
                .doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void evaluate_regionsWithTheirOwnTokens_atRiskOnlyWhereItsOwnRecordIsMissing() {
        // t1, t3 belong to us-east-1; t2 (missing on ns3) to eu-west-1: only eu-west-1 is at risk
        TestWorld w = t2MissingOnNs3().ses(SesStates.status(DkimStatus.SUCCESS).tokens("t2").build())
                .ses(SesStates.status(DkimStatus.SUCCESS).where("prod", "us-east-1").tokens("t1", "t3").build());

        List<Verdict> verdicts = w.evaluate();

        assertFindings(verdicts).exactly(plus(T2_MISSING_ON_NS3, "SES03.SES_AT_RISK@-@-"));
        assertThat(verdicts.stream().filter(v -> v.finding().rule().equals("SES03")).map(v -> v.finding().subject().source()))
                .containsExactly(SesStates.SOURCE);
    }

    @Test
    void evaluate_identityExpectedBySesAndConfig_judgesTheRecordsOfTheStatesOwnSource() {
        TestWorld w = TestWorld.healthy()
                .identity(new Identity("a.test", SesStates.SOURCE,
                        List.of(new ExpectedRecord("t1", name("t1"), RecordType.CNAME, "x1.dkim.amazonses.com"))))
                .ses(SesStates.status(DkimStatus.SUCCESS).build());

        Finding f = assertFindings(w.evaluate()).exactly("DKIM01.RECORD_WRONG_TARGET@t1@127.0.0.11",
                        "DKIM01.RECORD_WRONG_TARGET@t1@127.0.0.12", "DKIM01.RECORD_WRONG_TARGET@t1@127.0.0.13",
                        "SES03.SES_AT_RISK@-@-")
                .the("SES03.SES_AT_RISK@-@-");

        assertThat(f.args().get("problems")).startsWith(
                "t1._domainkey.a.test on ns1.a.test (127.0.0.11): serves t1.dkim.amazonses.com instead of x1.dkim.amazonses.com; ");
    }

    @Test
    void evaluate_replicaWithRecordMissing_isLeftToItsParentBySes03() {
        TestWorld w = t2MissingOnNs3().ses(SesStates.status(DkimStatus.SUCCESS).origin("AWS_SES_US_EAST_1").build());

        assertFindings(w.evaluate()).exactly(T2_MISSING_ON_NS3);
    }

    @Test
    void evaluate_successWithUnreachableServer_doesNotCountItAsAtRisk() {
        TestWorld w = TestWorld.healthy().soa(NS3, timeout()).ses(SesStates.status(DkimStatus.SUCCESS).build());

        assertFindings(w.evaluate()).exactly("NS01.NS_UNREACHABLE@-@127.0.0.13");
    }

    @Test
    void evaluate_failedWhileEveryServerIsRight_emitsFailingDnsOkWithEachServersSerial() {
        TestWorld w = TestWorld.healthy().ses(SesStates.status(DkimStatus.FAILED).soaSerial(2023120101L).build());

        Finding f = assertFindings(w.evaluate()).exactly("SES01.SES_DKIM_FAILED@-@-", "SES03.SES_FAILING_DNS_OK@-@-")
                .the("SES03.SES_FAILING_DNS_OK@-@-");

        assertThat(f.args()).containsEntry("sesSerial", "2023120101").containsEntry("status", "FAILED")
                .containsEntry("serials", "ns1.a.test (127.0.0.11)=2024010101, ns2.a.test (127.0.0.12)=2024010101, "
                        + "ns3.a.test (127.0.0.13)=2024010101")
                .containsEntry("dig", "dig +trace NS a.test");
    }

    @Test
    void evaluate_temporaryFailureWithRightRecordsAndOneUnreachableServer_namesOnlyUsableServersSerials() {
        TestWorld w = TestWorld.healthy().soa(NS3, timeout()).ses(SesStates.status(DkimStatus.TEMPORARY_FAILURE).build());

        Finding f = assertFindings(w.evaluate()).exactly("NS01.NS_UNREACHABLE@-@127.0.0.13",
                        "SES01.SES_DKIM_TEMPORARY_FAILURE@-@-", "SES03.SES_FAILING_DNS_OK@-@-")
                .the("SES03.SES_FAILING_DNS_OK@-@-");

        assertThat(f.args()).containsEntry("sesSerial", "unknown")
                .containsEntry("serials", "ns1.a.test (127.0.0.11)=2024010101, ns2.a.test (127.0.0.12)=2024010101");
    }

    @Test
    void evaluate_failedForIdentityWithoutExpectedRecords_cannotJudgeDns() {
        SesIdentityState other = new SesIdentityState("other.test", "prod", "eu-west-1", DkimStatus.FAILED, true,
                "AWS_SES", List.of("o1"), null, null, null, null, null, null, null, null, false);

        Finding f = assertFindings(TestWorld.healthy().ses(other).evaluate()).exactly("SES01.SES_DKIM_FAILED@-@-")
                .the("SES01.SES_DKIM_FAILED@-@-");

        assertThat(f.subject().zone()).isNull();
        assertThat(f.args()).containsEntry("dig", "dig +short CNAME o1._domainkey.other.test");
    }

    @Test
    void evaluate_tokensChangedSinceLastSweep_emitsTokensChangedSorted() {
        SesIdentityState state = SesStates.status(DkimStatus.SUCCESS).build();
        TestWorld w = TestWorld.healthy().ses(state)
                .sesMemory(state, new SesMemory(DkimStatus.SUCCESS, LAST_SUCCESS, List.of("t3", "old", "t1")));

        Finding f = assertFindings(w.evaluate()).exactly("SES04.TOKENS_CHANGED@-@-").the("SES04.TOKENS_CHANGED@-@-");

        assertThat(f.args()).containsEntry("before", "old, t1, t3").containsEntry("after", "t1, t2, t3");
    }

    @Test
    void evaluate_sameTokensInAnotherOrder_findsNothing() {
        SesIdentityState state = SesStates.status(DkimStatus.SUCCESS).build();
        TestWorld w = TestWorld.healthy().ses(state)
                .sesMemory(state, new SesMemory(DkimStatus.SUCCESS, LAST_SUCCESS, List.of("t3", "t2", "t1")));

        assertFindings(w.evaluate()).none();
    }

    @Test
    void evaluate_firstSweepWithoutRememberedTokens_findsNothing() {
        SesIdentityState state = SesStates.status(DkimStatus.SUCCESS).build();
        TestWorld w = TestWorld.healthy().ses(state).sesMemory(state, new SesMemory(null, null, List.of()));

        assertFindings(w.evaluate()).none();
    }

    @Test
    void evaluate_sesApiErrors_emitOneFindingPerAccountAndRegion() {
        TestWorld w = TestWorld.healthy()
                .sesError(new SesApiError("prod", "eu-west-1", "ListIdentities", "AccessDenied"))
                .sesError(new SesApiError("prod", "us-east-1", "GetEmailIdentity", "Throttling"));

        List<Verdict> verdicts = w.evaluate();
        assertFindings(verdicts).exactly("MON01.SES_API_ERROR@-@-", "MON01.SES_API_ERROR@-@-");
        Verdict denied = verdicts.stream().filter(v -> "eu-west-1".equals(v.finding().args().get("region"))).findFirst().orElseThrow();

        assertThat(denied.finding().subject().source()).isEqualTo("ses:prod/eu-west-1");
        assertThat(denied.finding().subject().identity()).isNull();
        assertThat(denied.finding().args()).containsEntry("operation", "ListIdentities").containsEntry("error", "AccessDenied")
                .containsEntry("check", "aws ses list-identities --identity-type Domain --max-items 1 --region eu-west-1");
        assertThat(denied.message()).contains("prod", "eu-west-1", "ListIdentities", "AccessDenied");
        assertThat(denied.remediation()).contains("ses:GetEmailIdentity", "sts:AssumeRole",
                "aws ses list-identities --identity-type Domain --max-items 1 --region eu-west-1");
    }
}
