package dev.dkimagent.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.cli.DkimAgentCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code dkim-agent demo --duration 40s} in-process, as a person would from the shell, and
 * reads what it prints: the banner, the alerts, then that it stopped by itself and left nothing.
 */
class DemoCommandTest {
    /** Long enough for the drift to fire and, after DemoWorld.HEAL_AFTER, to resolve. */
    private static final Duration DEMO = Duration.ofSeconds(60);
    private static final String MATRIX_TITLE = "What `dkim-agent check` shows for this world now";
    private static final String DNSJAVA_SELECTOR = "dnsjava NIO selector";

    private final StringWriter console = new StringWriter();
    private final StringWriter errors = new StringWriter();
    private final AtomicInteger exit = new AtomicInteger(-1);

    @Test
    void demo_forDuration_printsTheAlertsServesMetricsAndStopsCleanly() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Thread run = new Thread(() -> exit.set(DkimAgentCommand.execute(
                new String[] {"demo", "--duration", DEMO.toSeconds() + "s"}, Map.of(),
                new PrintWriter(console, true), new PrintWriter(errors, true))), "demo-under-test");
        run.start();

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> output().contains("Stops after"));
        String ns3 = banner("ns3 = (127\\.0\\.0\\.1:\\d+)");
        int metricsPort = Integer.parseInt(banner("http://127\\.0\\.0\\.1:(\\d+)/metrics"));

        await().pollInSameThread().atMost(DEMO).until(() -> output().contains("SES02/VERIFICATION_LOST")
                && output().contains("SES03/SES_AT_RISK") && output().contains("DKIM06/CANARY_NOT_SIGNED"));
        assertThat(output())
                .contains("[CRITICAL] mycompany.test")
                .contains("DKIM01/RECORD_MISSING selector mycompanytesttok3 on " + ns3)
                .contains("does not serve the CNAME record mycompanytesttok3._domainkey.mycompany.test")
                .contains("SOA01/MULTIPLE_SOA_SERIALS on " + ns3)
                .contains("DKIM03/TTL_INCONSISTENT selector mycompanytesttok2")
                .contains("[CRITICAL] shop.test")
                .contains("status TEMPORARY_FAILURE")
                .doesNotContain("] healthy.test:");
        assertThat(scrape(metricsPort)).contains("dkim_record_ok{")
                .contains("dkim_canary_last_success_timestamp_seconds{identity=\"healthy.test\",}")
                .doesNotContain("dkim_canary_last_success_timestamp_seconds{identity=\"shop.test\",}");
        assertThat(canaryAlert()).contains("[CRITICAL] shop.test").doesNotContain("MON02");
        assertThat(output()).contains("without a DKIM signature of shop.test (signed by: amazonses.com)");
        assertTheCheckMatrixPrintedOnce();

        await().pollInSameThread().atMost(DEMO).until(() -> output().contains("[RESOLVED] mycompany.test"));
        String resolved = output().substring(output().indexOf("[RESOLVED] mycompany.test"));
        assertThat(resolved).contains("Resolved (").contains("DKIM01/RECORD_MISSING selector mycompanytesttok3");

        run.join(DEMO.plusSeconds(20).toMillis());
        assertThat(run.isAlive()).as("the demo stops by itself").isFalse();
        assertThat(exit.get()).as("exit code; stderr: %s", errors).isZero();
        assertThat(output()).endsWith("dkim-agent demo: stopped" + System.lineSeparator());
        assertNothingLeft(before, metricsPort, ns3);
    }

    /** The matrix of the README's check output, for the world as it starts (ns3 drifted), once. */
    private void assertTheCheckMatrixPrintedOnce() {
        String out = output();
        assertThat(out.indexOf(MATRIX_TITLE)).isNotNegative().isEqualTo(out.lastIndexOf(MATRIX_TITLE));
        assertThat(out).containsPattern("(?m)^mycompany\\.test\\s+\\[FAILING]")
                .containsPattern("(?m)^\\s+mycompanytesttok3\\s+ok\\s+ok\\s+MISSING\\s*$")
                .containsPattern("(?m)^healthy\\.test\\s+\\[OK]");
    }

    private void assertNothingLeft(Set<Thread> before, int metricsPort, String ns3) throws IOException {
        assertThatThrownBy(() -> new Socket("127.0.0.1", metricsPort).close()).isInstanceOf(ConnectException.class);
        int dnsPort = Integer.parseInt(ns3.substring(ns3.indexOf(':') + 1));
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", dnsPort))) {
            assertThat(again.getLocalPort()).isEqualTo(dnsPort);
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(newThreads(before)).isEmpty());
    }

    /**
     * Threads started since, still alive. dnsjava's NIO selector is not the demo's: one daemon thread
     * per JVM that dnsjava starts on first use and every DNS client shares (run's too).
     */
    private static String newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().equals(DNSJAVA_SELECTOR))
                .map(Thread::getName).sorted().collect(Collectors.joining(", "));
    }

    /** The alert that carries the canary's finding: shop.test's mail goes out without its signature. */
    private String canaryAlert() {
        String out = output();
        int finding = out.indexOf("DKIM06/CANARY_NOT_SIGNED");
        return out.substring(out.lastIndexOf("--- alert", finding), finding);
    }

    private String output() {
        return console.toString();
    }

    private String banner(String regex) {
        Matcher m = Pattern.compile(regex).matcher(output());
        assertThat(m.find()).as("the banner shows %s:%n%s", regex, output()).isTrue();
        return m.group(1);
    }

    private static String scrape(int port) throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/metrics").toURL()
                .openConnection();
        http.setRequestProperty("Connection", "close");
        try (InputStream in = http.getInputStream()) {
            assertThat(http.getResponseCode()).isEqualTo(200);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            http.disconnect();
        }
    }
}
