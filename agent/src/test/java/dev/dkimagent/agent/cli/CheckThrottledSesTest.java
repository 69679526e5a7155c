package dev.dkimagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.testworld.DkimWorld;
import dev.dkimagent.agent.testworld.WorldData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SES throttling that clears within ses.throttle-budget is no finding: the scan completes with
 * SES data and {@code check} exits 0. Only throttling that outlasts the budget is MON01.
 * (The SDK makes 3 attempts per call; the agent retries the call after that.)
 */
class CheckThrottledSesTest {
    private static final String REGION = "us-east-1";
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
        System.setProperty("aws.accessKeyId", AwsSesStub.BASE_ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", AwsSesStub.BASE_SECRET_KEY);
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, WorldData.HEALTHY).status("SUCCESS")
                .tokens(WorldData.HEALTHY_TOKENS.toArray(String[]::new));
    }

    @AfterEach
    void stopSes() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        ses.close();
    }

    @Test
    void check_firstThreeSesCallsThrottled_completesWithSesDataAndExits0() throws Exception {
        ses.throttleNext(3);

        JsonNode report = check("2m", ExitCode.OK);

        assertHealthyFromSes(report);
        assertThat(ses.calls(AwsSesStub.LIST_IDENTITIES)).isEqualTo(4);
    }

    @Test
    void check_firstSixSesCallsThrottled_completesWithSesDataAndExits0() throws Exception {
        ses.throttleNext(6);

        JsonNode report = check("2m", ExitCode.OK);

        assertHealthyFromSes(report);
        assertThat(ses.calls(AwsSesStub.LIST_IDENTITIES)).isEqualTo(7);
    }

    @Test
    void check_throttlingThatOutlastsTheBudget_isMon01() throws Exception {
        ses.throttleNext(Integer.MAX_VALUE);

        JsonNode report = check("1s", ExitCode.FINDINGS);

        assertThat(codes(report)).contains("MON01.SES_API_ERROR");
    }

    /** The configuration names no identity: healthy.test, checked and OK, can only come from the SES scan. */
    private static void assertHealthyFromSes(JsonNode report) {
        assertThat(codes(report)).as(report.toPrettyString()).isEmpty();
        assertThat(report.get("identities")).singleElement().satisfies(identity -> {
            assertThat(identity.get("identity").asText()).isEqualTo(WorldData.HEALTHY);
            assertThat(identity.get("ok").asBoolean()).isTrue();
        });
    }

    private JsonNode check(String throttleBudget, int expectedExit) throws Exception {
        Path config = CliRun.config(dir, """
                dkim-agent {
                  dns { resolvers = ["%s"], timeout = 1s, attempts = 2, ipv6 = false }
                  ses { enabled = true, regions = ["%s"], endpoint = "%s", max-requests-per-second = 50,
                        throttle-budget = %s }
                }
                """.formatted(world.resolverAddress(), REGION, ses.endpoint(), throttleBudget));
        CliRun run = CliRun.of("check", "--config", config.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(expectedExit);
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("findings").forEach(f -> codes.add(f.get("rule").asText() + "." + f.get("tag").asText()));
        return codes;
    }
}
