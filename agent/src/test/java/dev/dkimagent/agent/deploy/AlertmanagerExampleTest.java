package dev.dkimagent.agent.deploy;

import dev.dkimagent.agent.testworld.Ports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/prometheus/alertmanager.yml in a real Alertmanager (Debian's prometheus-alertmanager):
 * alerts are posted to its API, inhibition is read back, and Slack messages land in a stub.
 * Only the webhook file path and group_wait (30s to 1s) are changed in the copy under test.
 */
class AlertmanagerExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HINT = "apt-get install prometheus-alertmanager";

    @TempDir
    Path dir;
    private final List<JsonNode> slackPosts = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer slack;
    private Process alertmanager;
    private String api;

    @BeforeEach
    void start() throws Exception {
        slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        slack.createContext("/slack", exchange -> {
            slackPosts.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        slack.start();
        Path webhook = dir.resolve("webhook");
        Files.writeString(webhook, "http://127.0.0.1:" + slack.getAddress().getPort() + "/slack");
        String config = DeployFiles.read("deploy/prometheus/alertmanager.yml")
                .replace("/etc/alertmanager/slack-dkim-agent-webhook", webhook.toString())
                .replace("group_wait: 30s", "group_wait: 1s");
        assertThat(config).contains(webhook.toString(), "group_wait: 1s");
        Files.writeString(dir.resolve("alertmanager.yml"), config);
        Files.copy(DeployFiles.path("deploy/prometheus/dkim-agent.tmpl"), dir.resolve("dkim-agent.tmpl"));

        int port = Ports.freeLoopback();
        api = "http://127.0.0.1:" + port + "/api/v2";
        Tool.Result check = Tool.run(dir, HINT, "amtool", "check-config", "alertmanager.yml");
        assertThat(check.exitCode()).as(check.output()).isZero();
        alertmanager = new ProcessBuilder("prometheus-alertmanager", "--config.file=alertmanager.yml",
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> get("/status").path("cluster").path("status").isTextual());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.destroy();
            alertmanager.waitFor(10, TimeUnit.SECONDS);
        }
        if (slack != null) {
            slack.stop(0);
        }
    }

    @Test
    void criticalWithoutIdentity_mutesOnlyWhatItIsAbout() throws Exception {
        post(alert("DkimAgentZoneUnresolved", "critical", Map.of("zone", "a.com")),
                alert("DkimAgentNameserverDown", "warning", Map.of("zone", "a.com", "address", "192.0.2.1")),
                alert("DkimAgentNameserverDown", "warning", Map.of("zone", "b.com", "address", "192.0.2.2")),
                alert("DkimAgentVerificationLost", "critical", Map.of("identity", "x.com")),
                alert("DkimAgentVerificationDeadlinePassed", "warning", Map.of("identity", "x.com")),
                alert("DkimAgentVerificationDeadlinePassed", "warning", Map.of("identity", "y.com")),
                alert("DkimAgentDown", "critical", Map.of("instance", "down:9108")),
                alert("DkimAgentSweepsStale", "warning", Map.of("instance", "down:9108", "kind", "dns")),
                alert("DkimAgentSweepsStale", "warning", Map.of("instance", "up:9108", "kind", "dns")));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(states()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DkimAgentZoneUnresolved a.com", "active",
                "DkimAgentNameserverDown a.com", "suppressed",
                "DkimAgentNameserverDown b.com", "active",
                "DkimAgentVerificationLost x.com", "active",
                "DkimAgentVerificationDeadlinePassed x.com", "suppressed",
                "DkimAgentVerificationDeadlinePassed y.com", "active",
                "DkimAgentDown down:9108", "active",
                "DkimAgentSweepsStale down:9108", "suppressed",
                "DkimAgentSweepsStale up:9108", "active")));
    }

    @Test
    void agentHealth_reachesTheOpsChannelAsSeparateLines_andRecordAlertsDoNotReachSlack() throws Exception {
        post(alert("DkimAgentSweepsStale", "warning", Map.of("instance", "up:9108", "kind", "dns")),
                alert("DkimAgentRecordNotServed", "critical", Map.of("identity", "x.com", "selector", "t1")));

        await().atMost(Duration.ofSeconds(20)).until(() -> !slackPosts.isEmpty());
        Thread.sleep(2000); // one more group_wait: a record alert would have been posted by now
        assertThat(slackPosts).hasSize(1);
        JsonNode post = slackPosts.get(0);
        assertThat(post.path("channel").asText()).isEqualTo("#dkim-agent-ops")
                .isNotEqualTo(agentChannel());
        JsonNode attachment = post.path("attachments").get(0);
        assertThat(attachment.path("title").asText()).isEqualTo("[FIRING:1] DkimAgentSweepsStale");
        assertThat(attachment.path("text").asText()).isEqualTo(
                "*summary of DkimAgentSweepsStale*\ndescription of DkimAgentSweepsStale\n"
                        + "runbook: https://example.test/runbook#dkimagentsweepsstale\n\n");
    }

    /** The channel the agent's own Slack messages go to in the shipped examples. */
    private static String agentChannel() {
        String conf = DeployFiles.read("deploy/systemd/dkim-agent.conf");
        int at = conf.indexOf("channel = \"");
        return conf.substring(at + 11, conf.indexOf('"', at + 11));
    }

    private Map<String, String> states() throws Exception {
        Map<String, String> states = new java.util.TreeMap<>();
        for (JsonNode a : get("/alerts")) {
            JsonNode labels = a.path("labels");
            String subject;
            if (labels.has("zone")) {
                subject = labels.path("zone").asText();
            } else if (labels.has("identity")) {
                subject = labels.path("identity").asText();
            } else {
                subject = labels.path("instance").asText();
            }
            states.put(labels.path("alertname").asText() + " " + subject, a.path("status").path("state").asText());
        }
        return states;
    }

    private static ObjectNode alert(String name, String severity, Map<String, String> extra) {
        ObjectNode alert = JSON.createObjectNode();
        ObjectNode labels = alert.putObject("labels");
        labels.put("alertname", name).put("severity", severity).put("job", "dkim-agent");
        extra.forEach(labels::put);
        alert.putObject("annotations").put("summary", "summary of " + name).put("description", "description of " + name)
                .put("runbook_url", "https://example.test/runbook#" + name.toLowerCase(java.util.Locale.ROOT));
        return alert;
    }

    private void post(ObjectNode... alerts) throws Exception {
        ArrayNode body = JSON.createArrayNode();
        List.of(alerts).forEach(body::add);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

}
