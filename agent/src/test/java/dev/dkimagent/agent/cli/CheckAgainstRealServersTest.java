package dev.dkimagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dkimagent.agent.testworld.DkimWorld;
import dev.dkimagent.agent.testworld.WorldData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dkim-agent check} against real servers: three NSD instances (ns3 drifted), a real
 * delegation from a fake root, unbound as the resolver, and NSD serving the keys.
 */
class CheckAgainstRealServersTest {
    private static DkimWorld world;

    @TempDir
    Path dir;

    @BeforeAll
    static void startWorld() {
        world = DkimWorld.shared();
    }

    private Path configFor(String domain, List<String> tokens) {
        String quoted = tokens.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
        return CliRun.config(dir, """
                dkim-agent {
                  dns { resolvers = ["%s"], timeout = 1s, attempts = 2, ipv6 = false }
                  identities = [ { domain = "%s", tokens = [%s] } ]
                }
                """.formatted(world.resolverAddress(), domain, quoted));
    }

    @Test
    void check_healthyZone_exitsZeroWithNoFindings() {
        CliRun run = CliRun.of("check", "--config", configFor(WorldData.HEALTHY, WorldData.HEALTHY_TOKENS).toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("healthy.test  [OK]").contains("no findings");
    }

    @Test
    void check_driftedSecondary_exitsOneWithExactlyTheDriftFindings() throws Exception {
        // one problem, one finding: the record missing on ns3 is DKIM01's alone (no DKIM02 for the same cell)
        Path config = configFor(WorldData.MYCOMPANY, WorldData.MYCOMPANY_TOKENS);

        CliRun run = CliRun.of("check", "--config", config.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        String ns3 = world.address(WorldData.NS3_HOST);
        assertThat(findingCodes(report)).containsExactlyInAnyOrder(
                "DKIM01.RECORD_MISSING@" + WorldData.MISSING_TOKEN + "@" + ns3,
                "DKIM03.TTL_INCONSISTENT@" + WorldData.ODD_TTL_TOKEN + "@-",
                "SOA01.MULTIPLE_SOA_SERIALS@-@" + ns3);
        assertThat(report.get("identities").get(0).get("ok").asBoolean()).isFalse();
    }

    @Test
    void check_driftedSecondary_textNamesServerRecordAndDigCommand() {
        CliRun run = CliRun.of("check", "--config", configFor(WorldData.MYCOMPANY, WorldData.MYCOMPANY_TOKENS).toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("MISSING")
                .contains("ns3.mycompany.test")
                .contains("dig: dig +norecurse @ns3.mycompany.test CNAME " + WorldData.MISSING_TOKEN + "._domainkey.mycompany.test");
        assertThat(run.out().split("dig \\+norecurse @ns3.mycompany.test CNAME " + WorldData.MISSING_TOKEN, -1))
                .as("the dig command once, on its dig: line").hasSize(2);
    }

    @Test
    void check_subdomainIdentityWhoseRecordsWereAllDeleted_reportsThemMissingOnEveryServer() throws Exception {
        // mail.healthy.test has no records at all: the name is NXDOMAIN, its zone is healthy.test
        Path config = configFor("mail." + WorldData.HEALTHY, List.of("nosuchtoken"));

        CliRun run = CliRun.of("check", "--config", config.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(findingCodes(report)).containsExactlyInAnyOrder(
                "DKIM01.RECORD_MISSING@nosuchtoken@" + world.address(WorldData.NS1_HOST),
                "DKIM01.RECORD_MISSING@nosuchtoken@" + world.address(WorldData.NS2_HOST),
                "DKIM01.RECORD_MISSING@nosuchtoken@" + world.address(WorldData.NS3_HOST),
                "DKIM05.KEY_MISSING@nosuchtoken@-");
        assertThat(report.get("identities").get(0).get("zone").asText()).isEqualTo(WorldData.HEALTHY);
    }

    @Test
    void check_failOnError_ignoresWarningsButNotTheMissingRecord() {
        CliRun run = CliRun.of("check", "--fail-on", "critical",
                "--config", configFor(WorldData.MYCOMPANY, WorldData.MYCOMPANY_TOKENS).toString());

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void check_noResolverAnswers_exitsThree() {
        Path config = CliRun.config(dir, """
                dkim-agent {
                  dns { resolvers = ["127.0.0.1:9"], timeout = 200ms, attempts = 1 }
                  identities = [ { domain = "healthy.test", tokens = ["abc"] } ]
                }
                """);

        CliRun run = CliRun.of("check", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("no resolver answered (tried 127.0.0.1:9)");
    }

    /** "RULE.TAG@selector@address", "-" for a field that does not apply. */
    private static List<String> findingCodes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            codes.add(f.get("rule").asText() + "." + f.get("tag").asText() + "@"
                    + (f.has("selector") ? f.get("selector").asText() : "-") + "@"
                    + (f.has("address") ? f.get("address").asText() : "-"));
        }
        return codes;
    }
}
