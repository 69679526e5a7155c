package dev.dkimagent.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.slack.SlackSettings;
import dev.dkimagent.agent.alert.slack.SlackStub;
import dev.dkimagent.agent.alert.slack.SlackWebhookChannel;
import dev.dkimagent.agent.store.SharedStore;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.TestDatabase;
import dev.dkimagent.agent.testworld.PostgresCluster;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three nodes (three stores on one PostgreSQL database, different node ids) share one outbox, and
 * nodes die mid-delivery: stopped at a seam ({@link StoppingChannel}) and abandoned, their store
 * closed so that their claims lapse as a dead node's do.
 */
class PostgresClusterOutboxTest extends ClusterOutboxTest {

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    private final Store[] nodes = new Store[3];
    private TestDatabase db;

    @Override
    Store node(int n) throws Exception {
        if (db == null) {
            db = TestDatabase.postgres(POSTGRES.get());
        }
        if (nodes[n] == null) {
            nodes[n] = SharedStore.open(db);
            closing.add(0, nodes[n]);
        }
        return nodes[n];
    }

    @Test
    void nodeDiesAfterClaiming_beforePosting_anotherTakesOverAfterTheLease_eachPostedOnce() throws Exception {
        Store survivor = node(1);
        enqueue(survivor, 5, ONE_INCIDENT);
        StoppingChannel dying = new StoppingChannel(bot(), 0, false);
        OutboxDispatcher dead = dispatcher(node(0), "node-0", dying, new AtomicInteger());
        OutboxDispatcher taker = dispatcher(survivor, "node-1", bot(), new AtomicInteger());

        Thread stuck = startTicking(dead);
        dying.awaitStopped();
        assertThat(taker.deliverDue()).as("every due head is claimed by the live node-0").isZero();
        die(0);
        drainConcurrently(survivor, List.of(taker));
        dying.abandon();
        stuck.join(10_000);

        assertEachPostedOnceInOrder(survivor, ONE_INCIDENT, 10);
    }

    @Test
    void nodeDiesAfterPostingAReply_beforeRecordingIt_theBotChannelFindsItInTheThread_nothingPostedTwice()
            throws Exception {
        Store survivor = node(2);
        enqueue(survivor, 5, ONE_INCIDENT);
        // the first round posts the five firing messages; the sixth post (a resolution, a thread
        // reply) reaches Slack and then the node dies before it records it
        StoppingChannel dying = new StoppingChannel(bot(), 5, true);
        OutboxDispatcher dead = dispatcher(node(0), "node-0", dying, new AtomicInteger());
        OutboxDispatcher taker = dispatcher(survivor, "node-2", bot(), new AtomicInteger());

        Thread stuck = startTicking(dead);
        dying.awaitStopped();
        assertThat(stub.postedCount()).isEqualTo(6);
        die(0);
        drainConcurrently(survivor, List.of(taker));
        dying.abandon();
        stuck.join(10_000);

        assertEachPostedOnceInOrder(survivor, ONE_INCIDENT, 10);
        assertThat(stub.requests(SlackStub.REPLIES)).as("the reply was looked for in its thread").isNotEmpty();
        assertThat(stub.requests(SlackStub.UPDATE)).as("every incident marked resolved, the found one too")
                .hasSize(5);
    }

    @Test
    void nodeDiesAfterPostingToAWebhook_beforeRecordingIt_isPostedAgain_atLeastOnce_notThreeTimes()
            throws Exception {
        Store survivor = node(1);
        enqueue(survivor, 1, "F");
        StoppingChannel dying = new StoppingChannel(webhook(), 0, true);
        OutboxDispatcher dead = dispatcher(node(0), "node-0", dying, new AtomicInteger());
        OutboxDispatcher taker = dispatcher(survivor, "node-1", webhook(), new AtomicInteger());

        Thread stuck = startTicking(dead);
        dying.awaitStopped();
        die(0);
        drainConcurrently(survivor, List.of(taker));
        dying.abandon();
        stuck.join(10_000);

        assertThat(survivor.outbox()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("delivered"));
        assertThat(stub.requests(SlackStub.WEBHOOK_PATH)).as("a webhook cannot be asked: sent again once").hasSize(2);
    }

    @Test
    void liveNodeWithASlowPost_keepsItsClaimPastTheLease_nobodyTakesItOver() throws Exception {
        Store other = node(1);
        enqueue(other, 1, "F");
        stub.enqueue(SlackStub.POST_MESSAGE, SlackStub.Reply.ok().after(LEASE.multipliedBy(2)));
        OutboxDispatcher slow = dispatcher(node(0), "node-0", bot(), new AtomicInteger());
        OutboxDispatcher watcher = dispatcher(other, "node-1", bot(), new AtomicInteger());

        Thread posting = startTicking(slow);
        long until = System.nanoTime() + LEASE.multipliedBy(3).toNanos();
        while (System.nanoTime() < until && other.pendingCount() > 0) {
            watcher.deliverDue();
            Thread.sleep(50);
        }
        posting.join(10_000);

        assertThat(other.outbox()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("delivered"));
        assertThat(stub.postedCount()).as("renewed while the post waited: no second node sent it").isEqualTo(1);
        assertThat(stub.requests(SlackStub.HISTORY)).as("nothing was taken over, so nothing looked for").isEmpty();
    }

    private SlackWebhookChannel webhook() {
        SlackWebhookChannel channel = new SlackWebhookChannel(new SlackSettings(stub.webhookUrl(), null, null, null));
        closing.add(channel);
        return channel;
    }

    /** The node's process is gone: its connections close, so it renews nothing any more. */
    private void die(int n) {
        nodes[n].close();
    }

    /** One tick of {@code dispatcher} on a thread of its own (it may never come back). */
    private static Thread startTicking(OutboxDispatcher dispatcher) {
        Thread thread = new Thread(dispatcher::deliverDue, "dying-node");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
