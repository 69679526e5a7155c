package dev.dkimagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.testworld.DkimWorld;
import dev.dkimagent.agent.testworld.WorldData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} with identities only from SES (the AWS wire-format stub) and DNS from the real
 * NSD/unbound world: DNS and SES problems reported together.
 */
class CheckWithSesTest {
    private static final String REGION = "us-east-1";
    private static final Instant LAST_SUCCESS = Instant.parse("2026-11-27T06:00:00Z");
    private static DkimWorld world;
    private AwsSesStub ses;

    @TempDir
    Path dir;

    @BeforeAll
    static void startWorld() {
        world = DkimWorld.shared();
    }

    @BeforeEach
    void startSes() {
        ses = AwsSesStub.start();
        // The agent reads credentials from the default chain; system properties are part of it.
        System.setProperty("aws.accessKeyId", AwsSesStub.BASE_ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", AwsSesStub.BASE_SECRET_KEY);
    }

    @AfterEach
    void stopSes() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        ses.close();
    }

    private JsonNode check(int expectedExit) throws Exception {
        Path config = CliRun.config(dir, """
                dkim-agent {
                  dns { resolvers = ["%s"], timeout = 1s, attempts = 2, ipv6 = false }
                  ses { enabled = true, regions = ["%s"], endpoint = "%s", max-requests-per-second = 50 }
                }
                """.formatted(world.resolverAddress(), REGION, ses.endpoint()));
        CliRun run = CliRun.of("check", "--config", config.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(expectedExit);
        assertThat(run.out() + run.err()).doesNotContain(AwsSesStub.BASE_SECRET_KEY);
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void check_sesSuccessButSecondaryDrifted_reportsSesAtRiskNamingTheServer() throws Exception {
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, WorldData.MYCOMPANY).status("SUCCESS")
                .tokens(WorldData.MYCOMPANY_TOKENS.toArray(String[]::new));

        JsonNode report = check(1);

        JsonNode atRisk = only(report, "SES03", "SES_AT_RISK");
        assertThat(atRisk.get("severity").asText()).isEqualTo("critical");
        assertThat(atRisk.get("args").get("problems").asText())
                .contains(WorldData.MISSING_TOKEN).contains("ns3.mycompany.test");
        assertThat(codes(report)).contains("DKIM01.RECORD_MISSING", "SOA01.MULTIPLE_SOA_SERIALS");
    }

    @Test
    void check_temporaryFailureAfterSuccess_reportsVerificationLostWithTheDeadline() throws Exception {
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, WorldData.HEALTHY).status("TEMPORARY_FAILURE")
                .tokens(WorldData.HEALTHY_TOKENS.toArray(String[]::new)).lastSuccess(LAST_SUCCESS)
                .errorType("HOST_NOT_FOUND");

        JsonNode report = check(1);

        JsonNode lost = only(report, "SES02", "VERIFICATION_LOST");
        assertThat(lost.get("args").get("deadline").asText()).isEqualTo("2026-11-30T06:00:00Z");
        assertThat(lost.get("identity").asText()).isEqualTo(WorldData.HEALTHY);
        assertThat(codes(report)).contains("SES01.SES_DKIM_TEMPORARY_FAILURE");
    }

    @Test
    void check_failedWhileEveryServerIsRight_pointsAtTheDelegation() throws Exception {
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, WorldData.HEALTHY).status("FAILED")
                .tokens(WorldData.HEALTHY_TOKENS.toArray(String[]::new)).soaSerial(2026112700L);

        JsonNode report = check(1);

        JsonNode dnsOk = only(report, "SES03", "SES_FAILING_DNS_OK");
        assertThat(dnsOk.get("args").get("sesSerial").asText()).isEqualTo("2026112700");
        assertThat(dnsOk.get("args").get("serials").asText()).contains("ns1.healthy.test").contains("2026112801");
        assertThat(codes(report)).doesNotContain("DKIM01.RECORD_MISSING");
    }

    @Test
    void check_accessDenied_reportsSesApiErrorAndExitsOneWithoutCrashing() throws Exception {
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, WorldData.HEALTHY).status("SUCCESS")
                .tokens(WorldData.HEALTHY_TOKENS.toArray(String[]::new));
        ses.deny(AwsSesStub.BASE_ACCOUNT);

        JsonNode report = check(1);

        JsonNode denied = only(report, "MON01", "SES_API_ERROR");
        assertThat(denied.get("args").get("error").asText()).isEqualTo("AccessDenied");
        assertThat(denied.get("args").get("region").asText()).isEqualTo(REGION);
        assertThat(report.get("identities")).isEmpty();
    }

    private static JsonNode only(JsonNode report, String rule, String tag) {
        List<JsonNode> matches = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("rule").asText().equals(rule) && f.get("tag").asText().equals(tag)) {
                matches.add(f);
            }
        });
        assertThat(matches).as(rule + "." + tag + " in " + report).hasSize(1);
        return matches.get(0);
    }

    private static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("findings").forEach(f -> codes.add(f.get("rule").asText() + "." + f.get("tag").asText()));
        return codes;
    }
}
