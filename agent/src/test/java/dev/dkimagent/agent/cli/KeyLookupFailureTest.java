package dev.dkimagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dkimagent.agent.dns.FakeNameserver;
import dev.dkimagent.agent.dns.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.Rcode;

/**
 * {@code check} when the key look-up through the resolver fails, each way it failed in the field:
 * the zone is served by one in-process responder (a zone override), the resolver is another that
 * answers everything but the key. A key that could not be read is DKIM05 KEY_NOT_READ with the
 * reason, the identity is FAILING and the exit code 1, never {@code [OK]} and 0. Resolvers that
 * answer nothing at all make the check exit 3, zone overrides or not.
 */
class KeyLookupFailureTest {
    private static final String ZONE = "keyfail.test";
    private static final String NAME = "t1._domainkey." + ZONE;
    private static final String TARGET = "t1.dkim.amazonses.com";

    @TempDir
    Path dir;

    private FakeNameserver zone;
    private FakeNameserver resolver;

    /** How the resolver fails the key's TXT query, and the reason the finding must give. */
    enum Failure {
        WRONG_ID(Reply.wrongId(), "reply to another query"),
        WRONG_QUESTION(Reply.wrongQuestion(), "reply to another query"),
        COMPRESSION_LOOP(Reply.compressionLoop(), "malformed reply"),
        GARBAGE(Reply.garbageWithOurId(), "malformed reply"),
        NO_ANSWER(Reply.drop(), "timeout"),
        SERVFAIL(Reply.withRcode(Rcode.SERVFAIL), "the resolvers answered SERVFAIL"),
        REFUSED(Reply.withRcode(Rcode.REFUSED), "the resolvers answered REFUSED");

        final Reply reply;
        final String reason;

        Failure(Reply reply, String reason) {
            this.reply = reply;
            this.reason = reason;
        }
    }

    @BeforeEach
    void start() throws Exception {
        zone = FakeNameserver.start();
        resolver = FakeNameserver.start();
        zone.on(ZONE, "SOA", Reply.answer(FakeNameserver.soa(ZONE, 1)))
                .on(NAME, "TXT", Reply.answer(FakeNameserver.rr(NAME + ". 3600 IN CNAME " + TARGET + ".")));
        resolver.otherwise(Reply.withRcode(Rcode.NXDOMAIN)); // alive: it answers the NS look-ups of the override
    }

    @AfterEach
    void stop() {
        zone.close();
        resolver.close();
    }

    private Path config() {
        return CliRun.config(dir, """
                dkim-agent {
                  dns { resolvers = ["%s"], timeout = 300ms, attempts = 1, ipv6 = false }
                  zones { "%s" { nameservers = ["%s"] } }
                  identities = [ { domain = "%s", tokens = ["t1"] } ]
                }
                """.formatted(resolver.address(), ZONE, zone.address(), ZONE));
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void keyLookupFails_isKeyNotReadWithTheReason_andExitsOne(Failure failure) throws Exception {
        resolver.on(TARGET, "TXT", failure.reply);

        CliRun run = CliRun.of("check", "--config", config().toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(codes(report)).containsExactly("DKIM05.KEY_NOT_READ@t1");
        assertThat(report.get("findings").get(0).get("args").get("reason").asText()).contains(failure.reason);
        assertThat(report.get("identities").get(0).get("ok").asBoolean()).isFalse();
        assertThat(resolver.queryCount(TARGET, "TXT")).as("the key was asked for").isPositive();
    }

    @Test
    void keyLookupTimesOut_textSaysFailingWithTheFinding() {
        resolver.on(TARGET, "TXT", Reply.drop());

        CliRun run = CliRun.of("check", "--config", config().toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains(ZONE + "  [FAILING]").doesNotContain("[OK]")
                .contains("DKIM05 KEY_NOT_READ").contains("could not be read").contains("dig: dig TXT " + TARGET);
    }

    @Test
    void keyNodata_isAVerdict_keyMissing() throws Exception {
        resolver.on(TARGET, "TXT", Reply.nodata(FakeNameserver.soa("amazonses.com", 1)));

        CliRun run = CliRun.of("check", "--config", config().toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(codes(new ObjectMapper().readTree(run.out()))).containsExactly("DKIM05.KEY_MISSING@t1");
    }

    @Test
    void keyServed_isOk_exitZero() {
        resolver.on(TARGET, "TXT", Reply.answer(FakeNameserver.rr(TARGET + ". 300 IN TXT \"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"")));

        CliRun run = CliRun.of("check", "--config", config().toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(ZONE + "  [OK]");
    }

    @Test
    void deadResolverWithZoneOverrides_exitsThree() {
        resolver.otherwise(Reply.drop());

        CliRun run = CliRun.of("check", "--config", config().toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).contains("no resolver answered (tried " + resolver.address() + ")");
        assertThat(resolver.queryCount(TARGET, "TXT")).as("the key was asked for").isPositive();
    }

    /** "RULE.TAG@selector" of every finding. */
    private static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            codes.add(f.get("rule").asText() + "." + f.get("tag").asText() + "@"
                    + (f.has("selector") ? f.get("selector").asText() : "-"));
        }
        return codes;
    }
}
