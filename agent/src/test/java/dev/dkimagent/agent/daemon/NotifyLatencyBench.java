package dev.dkimagent.agent.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * From the primary's reload to the Slack message: a DKIM CNAME deleted on an NSD primary (two NSD
 * secondaries transferring), the real jar notified, repeated {@code runs} times (the record is put
 * back and its resolution awaited between runs). A plain main on the test classpath, not a test;
 * the command is in docs/performance.md. Needs its own network namespace (127.62.0.x:53).
 */
public final class NotifyLatencyBench {
    private static final List<String> TOKENS = List.of("aaaatoken1", "bbbbtoken2", "cccctoken3");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final java.util.Random RANDOM = new java.util.Random();

    private NotifyLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0].replace("runs=", "")) : 20;
        List<Long> millis = new ArrayList<>();
        try (TransferWorld world = TransferWorld.start("127.62.0", TOKENS)) {
            String extra = """
                    notify { enabled = true, listen = ["%s:%d"], allow = ["%s/32"] }
                    schedule.soa-interval = 0s
                    """.formatted(world.agentAddress(), TransferWorld.AGENT_NOTIFY_PORT, world.address(11));
            Path config = Files.writeString(world.dir().resolve("bench.conf"), world.agentConfig(extra));
            try (AgentProcess agent = AgentProcess.start(config, world.metricsPort(), Map.of(),
                    world.dir().resolve("bench.out")).awaitReady()) {
                for (int i = 1; i <= runs; i++) {
                    // past notify.min-gap (2 s) since the last recheck, as two changes of a zone usually are, and
                    // at a random phase of the 2 s outbox tick
                    Thread.sleep(2000 + RANDOM.nextInt(2000));
                    int firing = WebhookMessages.firing(world.slack(), TransferWorld.ZONE).size();
                    Instant reload = world.deleteOnPrimary(TOKENS.get(0));
                    Instant paged = await(() -> WebhookMessages.firing(world.slack(), TransferWorld.ZONE).size() > firing);
                    long ms = Duration.between(reload, paged).toMillis();
                    millis.add(ms);
                    System.out.printf("run %2d: reload -> Slack %d ms%n", i, ms);
                    int resolved = WebhookMessages.resolved(world.slack(), TransferWorld.ZONE).size();
                    world.addOnPrimary(TOKENS.get(0));
                    await(() -> WebhookMessages.resolved(world.slack(), TransferWorld.ZONE).size() > resolved);
                }
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("runs %d: median %d ms, min %d ms, max %d ms%n", sorted.size(), median, sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static Instant await(java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("nothing within " + WAIT);
            }
            Thread.sleep(10);
        }
        return Instant.now();
    }
}
