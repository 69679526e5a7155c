package dev.dkimagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.dns.FakeNameserver;
import dev.dkimagent.agent.dns.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;

/**
 * The real jar's exit code when the resolvers fail: {@code java -jar dkim-agent.jar check} with a
 * zone override (so no apex look-up goes to the resolver) and in-process responders as the zone's
 * server and as the resolver. A resolver that answers nothing is exit 3, not 0; one that answers
 * but fails the key look-up is a KEY_NOT_READ finding and exit 1.
 */
class CheckExitCodeIT {
    private static final String ZONE = "exitcode.test";
    private static final String NAME = "t1._domainkey." + ZONE;
    private static final String TARGET = "t1.dkim.amazonses.com";

    @TempDir
    Path dir;

    /** What the jar printed and how it exited. */
    private record JarRun(int exitCode, String out, String err) {
    }

    @Test
    void deadResolverWithZoneOverride_exitsThree() throws Exception {
        try (FakeNameserver zone = zone(); FakeNameserver resolver = FakeNameserver.start()) {
            resolver.otherwise(Reply.drop());

            JarRun run = check(config(zone, resolver));

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.err()).contains("no resolver answered (tried " + resolver.address() + ")");
            assertThat(run.out()).doesNotContain("[OK]");
        }
    }

    @Test
    void resolverFailsTheKeyLookup_exitsOneWithKeyNotRead() throws Exception {
        try (FakeNameserver zone = zone(); FakeNameserver resolver = FakeNameserver.start()) {
            resolver.otherwise(Reply.withRcode(Rcode.NXDOMAIN)).on(TARGET, "TXT", Reply.withRcode(Rcode.SERVFAIL));

            JarRun run = check(config(zone, resolver));

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains(ZONE + "  [FAILING]").contains("DKIM05 KEY_NOT_READ selector t1");
        }
    }

    private static FakeNameserver zone() throws IOException {
        FakeNameserver zone = FakeNameserver.start();
        zone.on(ZONE, "SOA", Reply.answer(FakeNameserver.soa(ZONE, 1)))
                .on(NAME, "TXT", Reply.answer(FakeNameserver.rr(NAME + ". 3600 IN CNAME " + TARGET + ".")));
        return zone;
    }

    private Path config(FakeNameserver zone, FakeNameserver resolver) throws IOException {
        return Files.writeString(dir.resolve("dkim-agent.conf"), """
                dkim-agent {
                  dns { resolvers = ["%s"], timeout = 300ms, attempts = 1, ipv6 = false }
                  zones { "%s" { nameservers = ["%s"] } }
                  identities = [ { domain = "%s", tokens = ["t1"] } ]
                }
                """.formatted(resolver.address(), ZONE, zone.address(), ZONE));
    }

    private JarRun check(Path config) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        String jar = System.getProperty("dkim.agent.jar");
        assertThat(jar).as("system property dkim.agent.jar (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).as("the built jar").isRegularFile();
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "check", "--config", config.toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("check did not exit within 60 s: " + Files.readString(err));
        }
        return new JarRun(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
