package dev.dkimagent.agent.cli;

import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static dev.dkimagent.agent.testworld.WorldData.MISSING_TOKEN;
import static dev.dkimagent.agent.testworld.WorldData.MYCOMPANY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dkimagent.agent.mail.MailWorld;
import dev.dkimagent.agent.mail.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dkim-agent verify-message} on real-world shaped messages signed in the test with the
 * keys the NSD world serves (an independent signer), keys read from each nameserver.
 */
class VerifyMessageCommandTest {
    private static final String PREFIX = "127.62.0";
    private static final String TOKEN = HEALTHY_TOKENS.get(0);
    private static MailWorld world;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        world = MailWorld.start(PREFIX);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void verify_sesShapedWithTwoSignatures_passesOnEveryNameserver() throws IOException {
        String signed = world.amazon().sign(world.ses(HEALTHY, TOKEN).sign(Messages.sesShaped("billing@healthy.test")));

        CliRun run = verify(signed, "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("result").asText()).isEqualTo("pass");
        JsonNode amazon = report.get("signatures").get(0);
        JsonNode own = report.get("signatures").get(1);
        assertThat(amazon.get("d").asText()).isEqualTo("amazonses.com");
        assertThat(own.get("d").asText()).isEqualTo(HEALTHY);
        assertThat(own.get("s").asText()).isEqualTo(TOKEN);
        assertThat(own.get("a").asText()).isEqualTo("rsa-sha256");
        assertThat(own.get("c").asText()).isEqualTo("relaxed/relaxed");
        assertThat(own.get("bodyHash").get("matches").asBoolean()).isTrue();
        assertThat(results(own)).containsExactly("ns1.healthy.test=pass", "ns2.healthy.test=pass", "ns3.healthy.test=pass");
        assertThat(own.get("nameservers").get(0).get("cname").asText()).isEqualTo(TOKEN + ".dkim.amazonses.com");
        assertThat(results(amazon)).containsExactly("ns.amazonses.com=pass");
    }

    @Test
    void verify_selectorMissingOnNs3_failsNamingNs3AndPassesElsewhere() throws IOException {
        String signed = world.ses(MYCOMPANY, MISSING_TOKEN).sign(Messages.sesShaped("billing@mycompany.test"));

        CliRun run = verify(signed, "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        JsonNode own = new ObjectMapper().readTree(run.out()).get("signatures").get(0);
        assertThat(results(own)).containsExactly("ns1.mycompany.test=pass", "ns2.mycompany.test=pass",
                "ns3.mycompany.test=not_served");
        assertThat(own.get("problems").get(0).get("kind").asText()).isEqualTo("key_not_served");
        assertThat(own.get("problems")).hasSize(1);
    }

    @Test
    void verify_bodyAlteredAfterSigning_failsOnBodyHashOnly() {
        String signed = world.ses(HEALTHY, TOKEN).sign(Messages.sesShaped("billing@healthy.test"));
        String altered = signed.replace("Regards", "Regards, and pay to IBAN XX00 0000");

        CliRun run = verify(altered);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("DKIM-Signature 1 of 1: fail").contains("body hash: DOES NOT MATCH")
                .contains("ns1.healthy.test (" + PREFIX + ".11): pass"); // the header signature still verifies
    }

    @Test
    void verify_relaxedHeaders_survivesRefolding_simpleDoesNot() {
        String message = Messages.sesShaped("billing@healthy.test");
        String refold = "ready, with a subject long enough\r\n \tto be folded";
        String refolded = "ready,   with a subject long enough to be\r\n folded";
        String relaxed = world.ses(HEALTHY, TOKEN).canonical("relaxed", "simple").sign(message).replace(refold, refolded);
        String simple = world.ses(HEALTHY, TOKEN).canonical("simple", "simple").sign(message).replace(refold, refolded);

        assertThat(verify(relaxed).exitCode()).as("relaxed: whitespace changes in a folded field are allowed").isZero();
        assertThat(verify(world.ses(HEALTHY, TOKEN).canonical("relaxed", "simple").sign(message)
                .replace("ready, with", "ready,  with")).exitCode()).as("relaxed: runs of spaces collapse").isZero();
        CliRun strict = verify(simple);
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("signature did not verify with this key").contains("body hash: matches");
    }

    @Test
    void verify_simpleSimpleWithFoldedHeaders_passes() {
        String signed = world.ses(HEALTHY, TOKEN).canonical("simple", "simple")
                .headers("From", "To", "Subject", "Date", "Message-ID", "Content-Type", "MIME-Version")
                .sign(Messages.sesShaped("billing@healthy.test"));

        CliRun run = verify(signed);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("c=simple/simple").contains("h=From:To:Subject:Date:Message-ID:Content-Type:MIME-Version");
    }

    @Test
    void verify_lengthLimit_ignoresTextAppendedAfterSigning() {
        String message = Messages.sesShaped("billing@healthy.test");
        int bodyLength = 40;
        String signed = world.ses(HEALTHY, TOKEN).length(bodyLength).sign(message);
        String appended = signed.substring(0, signed.length() - 2) + "Appended by a mailing list footer\r\n\r\n";

        CliRun run = verify(appended);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("l=" + bodyLength);
    }

    @Test
    void verify_copiedHeadersBeforeB_stillVerify() {
        // z= holds "Club=20news": jDKIM 0.3 alone blanks that "b=..." instead of the b= tag
        String signed = world.ses(HEALTHY, TOKEN).copiedHeaders("Subject:Club=20news")
                .sign(Messages.sesShaped("billing@healthy.test"));

        CliRun run = verify(signed);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void verify_expiredSignature_fails() {
        String signed = world.ses(HEALTHY, TOKEN).expires(1_780_000_100L).sign(Messages.sesShaped("billing@healthy.test"));

        CliRun run = verify(signed);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("(EXPIRED)").contains("problem: signature expired");
    }

    @Test
    void verify_receiverResults_areShown() {
        String signed = world.ses(HEALTHY, TOKEN).sign(Messages.sesShaped("billing@healthy.test"));
        String received = "Authentication-Results: mx.example.org;\r\n"
                + "\tdkim=pass (2048-bit key) header.d=healthy.test header.i=@healthy.test header.s=" + TOKEN + ";\r\n"
                + "\tspf=pass smtp.mailfrom=amazonses.com\r\n" + signed;

        CliRun run = verify(received);

        assertThat(run.out()).contains("mx.example.org: dkim=pass header.d=healthy.test header.i=@healthy.test header.s="
                + TOKEN).contains("mx.example.org: spf=pass smtp.mailfrom=amazonses.com");
    }

    @Test
    void verify_unsigned_exitsOne_garbage_exitsTwo() throws IOException {
        CliRun unsigned = verify(Messages.sesShaped("billing@healthy.test"));
        assertThat(unsigned.exitCode()).isEqualTo(1);
        assertThat(unsigned.out()).contains("No DKIM-Signature");

        CliRun missing = CliRun.of("verify-message", "--config", config().toString(), dir.resolve("nope.eml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read").contains("nope.eml");
    }

    @Test
    void verify_standardInput_withBareLineFeeds_isReadAsTheMessage() {
        String signed = world.ses(HEALTHY, TOKEN).sign(Messages.sesShaped("billing@healthy.test"));
        java.io.InputStream stdin = System.in;
        try {
            // pasted into a terminal: LF line ends; the parser restores CRLF as on the wire
            System.setIn(new java.io.ByteArrayInputStream(signed.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("verify-message", "--config", config().toString(), "-");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("DKIM-Signature 1 of 1: pass");
        } finally {
            System.setIn(stdin);
        }
    }

    private CliRun verify(String message, String... options) {
        try {
            Path file = Files.writeString(dir.resolve("message-" + System.nanoTime() + ".eml"), message,
                    StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of("verify-message", "--config", config().toString()));
            args.addAll(List.of(options));
            args.add(file.toString());
            return CliRun.of(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path config() {
        return CliRun.config(dir, world.config());
    }

    private static List<String> results(JsonNode signature) {
        List<String> found = new ArrayList<>();
        signature.get("nameservers").forEach(ns -> found.add(ns.get("host").asText() + "=" + ns.get("result").asText()));
        return found;
    }
}
