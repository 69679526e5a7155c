package dev.dkimagent.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import dev.dkimagent.agent.alert.slack.SlackStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * The real jar against an NSD primary and two NSD secondaries doing real transfers, with the
 * DNS sweep every 5 minutes: only a NOTIFY (or the SOA watch) can explain a page within seconds.
 * Run inside a private network namespace (the world binds 127.61.0.x:53).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifyTransferIT {
    private static final String PREFIX = "127.61.0";
    private static final List<String> TOKENS = List.of("aaaatoken1", "bbbbtoken2", "cccctoken3");
    private static final Duration PAGE_LIMIT = Duration.ofSeconds(5);
    /** Long enough to see nothing happen during it, short enough for a test. */
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final String NOTIFY_ON = """
            notify { enabled = true, listen = ["%s:%d"], allow = ["%s/32"] }
            schedule.soa-interval = 0s
            alerting.propagation-grace = 10s
            """;
    private static final String SOA_WATCH_ONLY = """
            notify.enabled = false
            schedule.soa-interval = 5s
            """;

    private TransferWorld world;
    private AgentProcess agent;

    @BeforeAll
    void start() throws IOException {
        world = TransferWorld.start(PREFIX, TOKENS);
        agent = startAgent(NOTIFY_ON.formatted(world.agentAddress(), TransferWorld.AGENT_NOTIFY_PORT,
                world.address(11)), "notify");
    }

    @AfterAll
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    @Order(1)
    void healthyZone_afterStart_nothingIsPosted() throws InterruptedException {
        Thread.sleep(3000);

        assertThat(world.slack().requests()).as(WebhookMessages.describe(world.slack())).isEmpty();
    }

    @Test
    @Order(2)
    void newTokenAddedOnPrimary_secondariesCatchUp_nothingIsPosted() throws InterruptedException {
        double before = agent.metrics().value("dkim_zone_rechecks_total", "trigger=\"notify\"");

        world.addNewTokenOnPrimary("ddddtoken4");
        world.awaitSerialEverywhere();
        Thread.sleep(GRACE.toMillis() + 3000);

        assertThat(agent.metrics().value("dkim_zone_rechecks_total", "trigger=\"notify\"")).isGreaterThan(before);
        assertThat(world.slack().requests()).as(WebhookMessages.describe(world.slack())).isEmpty();
    }

    @Test
    @Order(3)
    void cnameDeletedOnPrimary_isPagedWithinFiveSecondsOfTheReload() {
        Instant reload = world.deleteOnPrimary(TOKENS.get(0));

        Instant paged = awaitFiring(1, Duration.ofSeconds(15));

        assertThat(Duration.between(reload, paged)).as(agent.output()).isLessThan(PAGE_LIMIT);
        assertThat(WebhookMessages.firing(world.slack(), TransferWorld.ZONE).get(0).payloadText())
                .contains(TOKENS.get(0) + "._domainkey." + TransferWorld.ZONE);
        MetricsText metrics = agent.metrics();
        assertThat(metrics.value("dkim_notify_received_total", "zone=\"mycompany.test\"", "result=\"accepted\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.value("dkim_zone_rechecks_total", "trigger=\"notify\"")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.value("dkim_zone_rechecks_total", "trigger=\"confirm\"")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.value("dkim_zone_change_to_recheck_seconds_count")).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(4)
    void hostileInput_isRefusedAndCounted_andValidNotifiesAreStillAnswered() throws Exception {
        double rechecksBefore = agent.metrics().value("dkim_zone_rechecks_total", "trigger=\"notify\"");
        long serial = TransferWorld.serialAt(world.address(11)).orElseThrow();
        flood(world.address(11), notify(TransferWorld.ZONE, serial).toWire(), 300);
        flood("127.61.0.99", notify(TransferWorld.ZONE, serial + 1).toWire(), 300);
        flood(world.address(11), new byte[] {0, 1, 2}, 100);
        flood(world.address(11), truncatedNotify(), 100);
        Message signed = notify(TransferWorld.ZONE, serial + 2);
        new TSIG(TSIG.HMAC_SHA256, Name.fromString("intruder."), "aW50cnVkZXItaW50cnVkZXItaW50cnVkZXI=")
                .apply(signed, null);
        Message badKey = exchange(world.address(11), signed.toWire());

        Message refused = exchange("127.61.0.99", notify(TransferWorld.ZONE, serial + 3).toWire());
        Message valid = exchange(world.address(11), notify(TransferWorld.ZONE, serial).toWire());

        assertThat(agent.isAlive()).isTrue();
        assertThat(refused.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(badKey.getRcode()).isEqualTo(Rcode.NOTAUTH);
        assertThat(badKey.getTSIG().getError()).isEqualTo(Rcode.BADKEY);
        assertThat(valid.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(valid.getHeader().getFlag(Flags.AA)).isTrue();
        MetricsText metrics = agent.metrics();
        // the refusal results start at 0: count those the hostile input moved
        assertThat(metrics.samples("dkim_notify_received_total").stream().filter(line -> !line.endsWith(" 0.0")))
                .as(metrics.text()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(metrics.value("dkim_notify_received_total", "zone=\"other\"", "result=\"refused_source\""))
                .isGreaterThan(0);
        assertThat(metrics.value("dkim_notify_received_total", "zone=\"other\"", "result=\"malformed\""))
                .isGreaterThan(0);
        assertThat(metrics.value("dkim_notify_received_total", "zone=\"other\"", "result=\"bad_tsig\""))
                .isGreaterThanOrEqualTo(1);
        // 300 NOTIFYs of the serial already rechecked are repeats: no recheck at all
        assertThat(metrics.value("dkim_zone_rechecks_total", "trigger=\"notify\"")).isEqualTo(rechecksBefore);
        assertThat(agent.output()).doesNotContain("Exception");
    }

    @Test
    @Order(5)
    void ns3BlockedFromTransferring_nothingDuringTheGrace_thenOneMessageNamingNs3() throws InterruptedException {
        world.addOnPrimary(TOKENS.get(0));
        world.awaitSerialEverywhere();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> WebhookMessages.resolved(world.slack(), TransferWorld.ZONE).size() == 1);
        world.blockTransfersToNs3();
        int posted = world.slack().requests().size();

        world.addNewTokenOnPrimary("eeeetoken5");
        Thread.sleep(GRACE.minusSeconds(1).toMillis());
        assertThat(world.slack().requests()).as("during the grace:\n" + WebhookMessages.describe(world.slack()))
                .hasSize(posted);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> world.slack().requests().size() > posted);
        Thread.sleep(3000);

        List<SlackStub.Request> after = world.slack().requests().subList(posted, world.slack().requests().size());
        assertThat(after).as(WebhookMessages.describe(world.slack())).hasSize(1);
        assertThat(after.get(0).payloadText()).contains(world.address(13)).doesNotContain(world.address(12));
    }

    @Test
    @Order(6)
    void notifyOff_soaWatchOn_deletionIsPagedWithinSoaIntervalPlusFiveSeconds() throws Exception {
        agent.sigterm();
        agent = startAgent(SOA_WATCH_ONLY, "soa");
        int before = WebhookMessages.firing(world.slack(), TransferWorld.ZONE).size();
        Thread.sleep(6000);  // one SOA round to remember the serials

        Instant reload = world.deleteOnPrimary(TOKENS.get(1));
        Instant paged = awaitFiring(before + 1, Duration.ofSeconds(25));

        assertThat(Duration.between(reload, paged)).as(agent.output()).isLessThan(Duration.ofSeconds(5 + 5));
        assertThat(agent.metrics().value("dkim_zone_rechecks_total", "trigger=\"soa\"")).isGreaterThanOrEqualTo(1);
    }

    private AgentProcess startAgent(String extra, String name) throws IOException {
        Path config = Files.writeString(world.dir().resolve("agent-" + name + ".conf"), world.agentConfig(extra));
        return AgentProcess.start(config, world.metricsPort(), Map.of(), world.dir().resolve("agent-" + name + ".out"))
                .awaitReady();
    }

    /** Waits for the {@code count}th firing post about the zone; returns when the stub received it. */
    private Instant awaitFiring(int count, Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(50))
                .alias("firing message " + count + "; posted:\n" + WebhookMessages.describe(world.slack()))
                .until(() -> WebhookMessages.firing(world.slack(), TransferWorld.ZONE).size() >= count);
        return Instant.now();
    }

    static Message notify(String zone, long serial) throws IOException {
        Name name = Name.fromString(zone + ".");
        Message m = new Message();
        m.getHeader().setOpcode(Opcode.NOTIFY);
        m.getHeader().setFlag(Flags.AA);
        m.addRecord(Record.newRecord(name, Type.SOA, DClass.IN), Section.QUESTION);
        m.addRecord(new SOARecord(name, DClass.IN, 300, Name.fromString("ns1." + zone + "."),
                Name.fromString("hostmaster." + zone + "."), serial, 3600, 600, 86400, 300), Section.ANSWER);
        return m;
    }

    private static byte[] truncatedNotify() throws IOException {
        byte[] wire = notify(TransferWorld.ZONE, 1).toWire();
        return Arrays.copyOf(wire, wire.length - 7);
    }

    private void flood(String source, byte[] wire, int count) throws IOException {
        InetSocketAddress agentAddress = new InetSocketAddress(world.agentAddress(), TransferWorld.AGENT_NOTIFY_PORT);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(source), 0))) {
            for (int i = 0; i < count; i++) {
                socket.send(new DatagramPacket(wire, wire.length, agentAddress));
                if (i % 50 == 49) {
                    pause();  // a flood beyond the socket buffer is dropped by the kernel, uncounted
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Message exchange(String source, byte[] wire) throws IOException {
        InetSocketAddress agentAddress = new InetSocketAddress(world.agentAddress(), TransferWorld.AGENT_NOTIFY_PORT);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(source), 0))) {
            socket.setSoTimeout(500);
            for (int attempt = 0; attempt < 10; attempt++) {
                socket.send(new DatagramPacket(wire, wire.length, agentAddress));
                try {
                    byte[] buffer = new byte[4096];
                    DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                    socket.receive(in);
                    Message reply = new Message(Arrays.copyOf(buffer, in.getLength()));
                    if (reply.getHeader().getID() == new Message(wire).getHeader().getID()) {
                        return reply;
                    }
                } catch (SocketTimeoutException e) {
                    // flood replies may still be draining: ask again
                }
            }
        }
        throw new AssertionError("no reply to a NOTIFY from " + source + "; agent output:\n" + agent.output());
    }
}
