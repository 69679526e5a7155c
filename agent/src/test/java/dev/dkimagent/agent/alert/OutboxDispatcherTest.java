package dev.dkimagent.agent.alert;

import static dev.dkimagent.agent.alert.AlertFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.store.OutboxRow;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDispatcherTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(T0);
    final ScriptedChannel channel = new ScriptedChannel();
    final List<DeliveryEvent> events = new ArrayList<>();
    Store store;

    Store open() throws StoreException {
        store = Store.open(AlertFixtures.url(dir), "sa", "");
        return store;
    }

    OutboxDispatcher dispatcher() {
        return new OutboxDispatcher(store, channel, clock, events::add);
    }

    void enqueue(Notification... notifications) {
        new AlertStateStore(store).commit(Map.of(), Map.of(), List.of(notifications), Map.of());
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void deliverDue_429Then200_deliversOnceAfterRetryAfter() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("example.com", T0));
        channel.then(DeliveryResult.retry(Duration.ofSeconds(30), "HTTP 429"));
        OutboxDispatcher dispatcher = dispatcher();

        assertThat(dispatcher.deliverDue()).isZero();
        OutboxRow afterRetry = store.outbox().get(0);
        assertThat(afterRetry.attempts()).isEqualTo(1);
        assertThat(afterRetry.nextAttempt()).isEqualTo(T0.plusSeconds(30));
        assertThat(afterRetry.lastError()).isEqualTo("HTTP 429");

        clock.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.deliverDue()).isZero();

        assertThat(channel.deliveries()).hasSize(2);
        assertThat(store.outbox()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("delivered");
            assertThat(row.messageRef()).isEqualTo("ts1");
        });
        assertThat(dispatcher.pendingCount()).isZero();
        assertThat(events).extracting(DeliveryEvent::outcome).containsExactly("retry", "delivered");
        assertThat(events).extracting(DeliveryEvent::channel).containsOnly("scripted");
    }

    @Test
    void deliverDue_429WithRetryAfter_holdsBackEveryIdentityUntilTheWaitIsOver() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0), AlertFixtures.firingNotification("b.org", T0),
                AlertFixtures.firingNotification("c.org", T0));
        channel.then(DeliveryResult.retry(Duration.ofSeconds(30), "HTTP 429"));
        OutboxDispatcher dispatcher = dispatcher();

        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(channel.deliveries()).extracting(ScriptedChannel.Call::identity).containsExactly("a.org");
        clock.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(channel.deliveries()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(3);

        assertThat(channel.deliveries()).extracting(ScriptedChannel.Call::identity)
                .containsExactly("a.org", "a.org", "b.org", "c.org");
        assertThat(store.outbox()).extracting(OutboxRow::status).containsOnly("delivered");
        assertThat(events).extracting(DeliveryEvent::outcome)
                .containsExactly("retry", "delivered", "delivered", "delivered");
    }

    @Test
    void deliverDue_retryWithoutRetryAfter_holdsBackOnlyThatMessage() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0), AlertFixtures.firingNotification("b.org", T0));
        channel.then(DeliveryResult.retry(null, "HTTP 503"));

        assertThat(dispatcher().deliverDue()).isEqualTo(1);

        assertThat(channel.deliveries()).extracting(ScriptedChannel.Call::identity).containsExactly("a.org", "b.org");
        assertThat(store.outbox()).extracting(OutboxRow::identity, OutboxRow::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.org", "pending"),
                org.assertj.core.groups.Tuple.tuple("b.org", "delivered"));
    }

    @Test
    void deliverDue_afterRestartDuringThePause_theRetriedMessageStillWaits() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0), AlertFixtures.firingNotification("b.org", T0));
        channel.then(DeliveryResult.retry(Duration.ofSeconds(30), "HTTP 429"));
        assertThat(dispatcher().deliverDue()).isZero();

        clock.advance(Duration.ofSeconds(5));
        assertThat(dispatcher().deliverDue()).isEqualTo(1);

        assertThat(channel.deliveries()).extracting(ScriptedChannel.Call::identity).containsExactly("a.org", "b.org");
        assertThat(store.outbox().get(0).nextAttempt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void deliverDue_permanent_keepsItAndDeliversTheRest() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0), AlertFixtures.firingNotification("b.org", T0),
                AlertFixtures.resolvedNotification("a.org", T0));
        channel.then(DeliveryResult.permanent("channel_not_found"));

        int delivered = dispatcher().deliverDue();

        assertThat(delivered).isEqualTo(2);
        assertThat(store.outbox()).extracting(OutboxRow::identity, OutboxRow::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.org", "permanent"),
                org.assertj.core.groups.Tuple.tuple("b.org", "delivered"),
                org.assertj.core.groups.Tuple.tuple("a.org", "delivered"));
        assertThat(store.outbox().get(0).lastError()).isEqualTo("channel_not_found");
        assertThat(events).extracting(DeliveryEvent::outcome).containsExactly("permanent", "delivered", "delivered");
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void deliverDue_resolutionNeverOvertakesItsFiringMessage() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("example.com", T0));
        enqueue(AlertFixtures.resolvedNotification("example.com", T0.plusSeconds(1)));
        channel.then(DeliveryResult.retry(Duration.ofSeconds(10), "HTTP 503"));
        OutboxDispatcher dispatcher = dispatcher();
        clock.advance(Duration.ofSeconds(1));

        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(channel.deliveries()).hasSize(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(dispatcher.deliverDue()).isEqualTo(2);

        assertThat(channel.deliveries()).extracting(c -> c.notification().onlyResolved())
                .containsExactly(false, false, true);
    }

    @Test
    void deliverDue_threadRefs_followTheIncident() throws Exception {
        open();
        OutboxDispatcher dispatcher = dispatcher();

        enqueue(AlertFixtures.firingNotification("example.com", T0));
        dispatcher.deliverDue();
        assertThat(store.incident("example.com")).hasValueSatisfying(i -> assertThat(i.threadRef()).isEqualTo("ts1"));

        enqueue(AlertFixtures.reminderNotification("example.com", T0),
                AlertFixtures.resolvedNotification("example.com", T0));
        dispatcher.deliverDue();
        assertThat(store.incident("example.com")).isEmpty();

        enqueue(AlertFixtures.firingNotification("example.com", T0));
        dispatcher.deliverDue();

        assertThat(channel.calls).extracting(ScriptedChannel.Call::kind, ScriptedChannel.Call::threadRef)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("deliver", null),
                        org.assertj.core.groups.Tuple.tuple("deliver", "ts1"),
                        org.assertj.core.groups.Tuple.tuple("deliver", "ts1"),
                        org.assertj.core.groups.Tuple.tuple("markResolved", "ts1"),
                        org.assertj.core.groups.Tuple.tuple("deliver", null));
        assertThat(store.incident("example.com")).hasValueSatisfying(i -> assertThat(i.threadRef()).isEqualTo("ts4"));
    }

    @Test
    void deliverDue_pendingSurvivesRestart_andIsDeliveredExactlyOnce() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("example.com", T0));
        store.close();

        open();
        assertThat(dispatcher().deliverDue()).isEqualTo(1);
        store.close();

        open();
        assertThat(dispatcher().deliverDue()).isZero();
        assertThat(channel.deliveries()).hasSize(1);
        assertThat(store.outbox()).extracting(OutboxRow::status).containsExactly("delivered");
    }

    @Test
    void deliverDue_zeroWaitRetry_isNotRetriedInTheSameTick() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("example.com", T0));
        channel.then(DeliveryResult.retry(Duration.ZERO, "I/O"));
        OutboxDispatcher zeroJitter = new OutboxDispatcher(store, channel, clock, events::add,
                new OutboxDispatcher.Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), bound -> 0));

        assertThat(zeroJitter.deliverDue()).isZero();
        assertThat(zeroJitter.deliverDue()).isEqualTo(1);
        assertThat(channel.deliveries()).hasSize(2);
    }

    @Test
    void deliverDue_channelThrows_retriesInsteadOfLosingTheMessage() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("example.com", T0));
        AlertChannel throwing = new ScriptedChannel() {
            @Override
            public DeliveryResult deliver(Notification notification, String threadRef) {
                throw new IllegalStateException("bug");
            }
        };

        int delivered = new OutboxDispatcher(store, throwing, clock, events::add).deliverDue();

        assertThat(delivered).isZero();
        assertThat(store.outbox()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("pending");
            assertThat(row.attempts()).isEqualTo(1);
        });
        assertThat(events).extracting(DeliveryEvent::outcome).containsExactly("retry");
    }

    @Test
    void deliverDue_storeClosed_reportsAndReturnsInsteadOfThrowing() throws Exception {
        open();
        OutboxDispatcher dispatcher = dispatcher();
        store.close();

        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(channel.calls).isEmpty();
    }

    @Test
    void backoff_doublesFromTwoSecondsUpToTenMinutes_withFullJitterBelow() {
        OutboxDispatcher.Backoff widest = new OutboxDispatcher.Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10),
                bound -> bound);
        OutboxDispatcher.Backoff narrowest = new OutboxDispatcher.Backoff(Duration.ofSeconds(2),
                Duration.ofMinutes(10), bound -> 0);

        assertThat(widest.delay(1, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(widest.delay(2, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(widest.delay(9, null)).isEqualTo(Duration.ofSeconds(512));
        assertThat(widest.delay(10, null)).isEqualTo(Duration.ofMinutes(10));
        assertThat(widest.delay(1000, null)).isEqualTo(Duration.ofMinutes(10));
        assertThat(narrowest.delay(5, null)).isEqualTo(Duration.ZERO);
        assertThat(narrowest.delay(5, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(widest.delay(5, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(32));
    }
}
