package dev.dkimagent.agent.config;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyValidationTest {
    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg==";

    @Test
    void defaults_listenerOff_soaWatchEvery30s_graceOneMinute() throws ConfigException {
        NotifySettings n = ConfigFixtures.load("").watch();

        assertThat(n.enabled()).isFalse();
        assertThat(n.listen()).containsExactly(new InetSocketAddress("0.0.0.0", 5300));
        assertThat(n.allow()).extracting(Object::toString).containsExactly("127.0.0.0/8", "::1/128");
        assertThat(n.tsig()).isEmpty();
        assertThat(n.minGap()).isEqualTo(Duration.ofSeconds(2));
        assertThat(n.confirmAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(n.queueSize()).isEqualTo(1000);
        assertThat(n.soaInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(n.propagationGrace()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void fullSection_isRead() throws ConfigException {
        NotifySettings n = ConfigFixtures.load("""
                dkim-agent.notify {
                  enabled = true
                  listen = ["127.0.0.1:5353", "[::1]:5300"]
                  allow = ["192.0.2.53", "2001:db8::/32"]
                  tsig = [{ name = "agent-notify", algorithm = "hmac-sha512", secret = "%s" }]
                  min-gap = 1s
                }
                dkim-agent.schedule.soa-interval = 0s
                """.formatted(SECRET)).watch();

        assertThat(n.enabled()).isTrue();
        assertThat(n.listen()).containsExactly(new InetSocketAddress("127.0.0.1", 5353),
                new InetSocketAddress("::1", 5300));
        assertThat(n.allow()).extracting(Object::toString).containsExactly("192.0.2.53", "2001:db8::/32");
        assertThat(n.tsig()).singleElement().satisfies(k -> {
            assertThat(k.name()).isEqualTo("agent-notify");
            assertThat(k.algorithm()).isEqualTo("hmac-sha512");
            assertThat(k.secret()).isEqualTo(SECRET);
            assertThat(k.toString()).doesNotContain(SECRET);
        });
        assertThat(n.minGap()).isEqualTo(Duration.ofSeconds(1));
        assertThat(n.soaInterval()).isZero();
    }

    @Test
    void secretFile_isRead(@TempDir Path dir) throws ConfigException, IOException {
        Path file = Files.writeString(dir.resolve("tsig"), SECRET + "\n");

        NotifySettings n = ConfigFixtures.load("dkim-agent.notify.tsig = [{ name = k, secret-file = \""
                + file + "\" }]").watch();

        assertThat(n.tsig().get(0).secret()).isEqualTo(SECRET);
        assertThat(n.tsig().get(0).algorithm()).isEqualTo("hmac-sha256");
    }

    @Test
    void badValues_areEachReportedWithTheirPlace_andNoSecretIsShown() {
        List<String> problems = problems("""
                dkim-agent.notify {
                  listen = ["somewhere:53", "127.0.0.1:99999"]
                  allow = ["10.0.0.0/33", "example.com"]
                  tsig = [{ name = k, algorithm = "hmac-nope", secret = "%s" }, { name = j }]
                  min-gap = -1s
                  queue-limit = 3
                }
                dkim-agent.schedule.soa-interval = 1s
                dkim-agent.alerting.propagation-grace = soon
                """.formatted(SECRET));

        assertThat(problems).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.notify.listen[0]: expected \"address:port\" with an IP address and a"
                        + " port 0 to 65535, such as \"0.0.0.0:5300\" or \"[::]:5300\", got 'somewhere:53'",
                "dkim-agent.conf: 2: dkim-agent.notify.listen[1]: expected \"address:port\" with an IP address and a"
                        + " port 0 to 65535, such as \"0.0.0.0:5300\" or \"[::]:5300\", got '127.0.0.1:99999'",
                "dkim-agent.conf: 3: dkim-agent.notify.allow[0]: expected an address block such as \"192.0.2.0/24\""
                        + " (the prefix length must be 0 to 32), got '10.0.0.0/33'",
                "dkim-agent.conf: 3: dkim-agent.notify.allow[1]: expected an address block such as \"192.0.2.0/24\""
                        + " (not an IPv4 or IPv6 address), got 'example.com'",
                "dkim-agent.conf: 4: dkim-agent.notify.tsig[0]: the name, the algorithm (hmac-sha256, hmac-sha512 ...)"
                        + " or the base64 secret does not parse (the value is not shown: it is a secret)",
                "dkim-agent.conf: 4: dkim-agent.notify.tsig[1]: expected exactly one of secret (from the environment:"
                        + " secret = ${?MY_TSIG_SECRET}) or secret-file",
                "dkim-agent.conf: 5: dkim-agent.notify.min-gap: expected a duration >= 0, got '-1s'",
                "dkim-agent.conf: 6: dkim-agent.notify.queue-limit: unknown key, expected one of allow, confirm-after,"
                        + " enabled, listen, min-gap, queue-size, tsig",
                "dkim-agent.conf: 8: dkim-agent.schedule.soa-interval: expected 0s (off) or a duration >= 5s, got '1s'",
                "dkim-agent.conf: 9: dkim-agent.alerting.propagation-grace: expected a duration such as 500ms, 2s, 5m"
                        + " or 1d, got 'soon'");
        assertThat(String.join("\n", problems)).doesNotContain(SECRET);
    }
}
