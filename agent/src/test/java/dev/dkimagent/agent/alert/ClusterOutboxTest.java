package dev.dkimagent.agent.alert;

import static dev.dkimagent.agent.alert.AlertFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.slack.SlackBotChannel;
import dev.dkimagent.agent.alert.slack.SlackSettings;
import dev.dkimagent.agent.alert.slack.SlackStub;
import dev.dkimagent.agent.store.OutboxRow;
import dev.dkimagent.agent.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several dispatchers drain one outbox (cluster mode), each with its own node id, against the
 * Slack stub: every message is posted exactly once, and per identity in order, with its replies in
 * the incident's thread. {@link PostgresClusterOutboxTest} runs it on three stores sharing one
 * PostgreSQL database (three nodes) and adds nodes that die mid-delivery; {@link H2ClusterOutboxTest}
 * runs the same claims on H2.
 */
abstract class ClusterOutboxTest {

    static final String TOKEN = "xoxb-1111-2222-cluster";
    static final Duration LEASE = Duration.ofSeconds(2);
    /** The wait after an uncertain attempt (the read timeout in production): short here. */
    static final Duration UNCERTAIN_BACKOFF = Duration.ofMillis(200);
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(90);

    /** What each identity's messages are, in the order enqueued: F firing, R reminder, X resolved. */
    static final String TWO_INCIDENTS = "FRXF";
    static final String ONE_INCIDENT = "FX";

    SlackStub stub;
    final List<AutoCloseable> closing = new ArrayList<>();

    /** The state as node {@code n} (0, 1, 2) sees it. Node 0 is opened first. */
    abstract Store node(int n) throws Exception;

    @BeforeEach
    void startStub() {
        stub = SlackStub.start();
        stub.expectToken(TOKEN);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        stub.close();
    }

    @Test
    void threeNodes_drain200MessagesConcurrently_eachPostedOnce_inOrderPerIncident() throws Exception {
        Store first = node(0);
        enqueue(first, 50, TWO_INCIDENTS);
        stub.delayAll(SlackStub.POST_MESSAGE, Duration.ofMillis(10));  // a post takes a moment, as Slack's do
        List<OutboxDispatcher> nodes = new ArrayList<>();
        List<AtomicInteger> deliveredBy = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            AtomicInteger delivered = new AtomicInteger();
            deliveredBy.add(delivered);
            nodes.add(dispatcher(node(n), "node-" + n, bot(), delivered));
        }

        drainConcurrently(first, nodes);

        assertEachPostedOnceInOrder(first, TWO_INCIDENTS, 200);
        assertThat(stub.requests(SlackStub.UPDATE)).as("each incident's first message marked resolved once")
                .hasSize(50);
        assertThat(deliveredBy).as("the nodes share the backlog").allSatisfy(d -> assertThat(d.get()).isPositive());
        assertThat(deliveredBy.stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(200);
    }

    // ---- helpers ----

    SlackBotChannel bot() {
        SlackBotChannel channel = new SlackBotChannel(new SlackSettings(null, TOKEN, "#dkim-alerts", stub.apiUrl()));
        closing.add(channel);
        return channel;
    }

    OutboxDispatcher dispatcher(Store store, String nodeId, AlertChannel channel, AtomicInteger delivered) {
        OutboxDispatcher dispatcher = new OutboxDispatcher(store, channel, Clock.systemUTC(), event -> {
            if (event.outcome().equals(DeliveryEvent.DELIVERED)) {
                delivered.incrementAndGet();
            }
        }, UNCERTAIN_BACKOFF, ClaimPolicy.cluster(nodeId, LEASE));
        closing.add(dispatcher);
        return dispatcher;
    }

    /** {@code identities} identities (i0.example ...), each with messages of {@code pattern}, interleaved. */
    static void enqueue(Store store, int identities, String pattern) {
        List<Notification> notifications = new ArrayList<>();
        for (int k = 0; k < pattern.length(); k++) {
            Instant at = T0.plusSeconds(60L * k);
            for (int i = 0; i < identities; i++) {
                String identity = "i" + i + ".example";
                BiFunction<String, Instant, Notification> kind = switch (pattern.charAt(k)) {
                    case 'F' -> AlertFixtures::firingNotification;
                    case 'R' -> AlertFixtures::reminderNotification;
                    default -> AlertFixtures::resolvedNotification;
                };
                notifications.add(kind.apply(identity, at));
            }
        }
        new AlertStateStore(store).commit(Map.of(), Map.of(), notifications, Map.of());
    }

    /** Every node ticks on its own thread until the outbox is empty (or DRAIN_LIMIT passes). */
    static void drainConcurrently(Store store, List<OutboxDispatcher> nodes) throws Exception {
        Instant deadline = Instant.now().plus(DRAIN_LIMIT);
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (OutboxDispatcher node : nodes) {
                running.add(threads.submit(() -> {
                    while (store.pendingCount() > 0 && Instant.now().isBefore(deadline)) {
                        node.deliverDue();
                        Thread.sleep(5);
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.pendingCount()).as("outbox drained within " + DRAIN_LIMIT).isZero();
    }

    /**
     * Every row delivered and posted exactly once (by its metadata key), per identity in outbox
     * order; a firing message that opens an incident starts a thread, reminders and the resolution
     * reply in it, and each row's message ref is its post's ts.
     */
    void assertEachPostedOnceInOrder(Store store, String pattern, int expected) {
        List<OutboxRow> rows = store.outbox();
        assertThat(rows).hasSize(expected).extracting(OutboxRow::status).containsOnly("delivered");
        List<String> keys = stub.postedKeys();
        assertThat(keys).as("posted message keys").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> "outbox-" + r.id()).toList());
        List<String> threads = stub.postedThreads();
        Map<String, List<OutboxRow>> byIdentity = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparingLong(OutboxRow::id))
                .forEach(r -> byIdentity.computeIfAbsent(r.identity(), i -> new ArrayList<>()).add(r));
        byIdentity.forEach((identity, own) -> {
            assertThat(own).hasSize(pattern.length());
            List<Integer> postedAt = own.stream().map(r -> keys.indexOf("outbox-" + r.id())).toList();
            assertThat(postedAt).as("%s posted in outbox order", identity).isSorted();
            String parent = null;
            for (int k = 0; k < own.size(); k++) {
                OutboxRow row = own.get(k);
                int n = postedAt.get(k);
                assertThat(row.messageRef()).as("%s row %d ref", identity, row.id()).isEqualTo(stub.ts(n + 1));
                char kind = pattern.charAt(k);
                assertThat(threads.get(n)).as("%s message %d (%s) thread", identity, row.id(), kind)
                        .isEqualTo(kind == 'F' && parent == null ? null : parent);
                if (kind == 'F' && parent == null) {
                    parent = row.messageRef();
                } else if (kind == 'X') {
                    parent = null;
                }
            }
        });
    }
}
