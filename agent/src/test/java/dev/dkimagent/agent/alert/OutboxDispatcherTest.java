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
    void deliverDue_clusterMode_aRetryAfterOneNodeGot_holdsBackTheOtherNodesToo() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0), AlertFixtures.firingNotification("b.org", T0));
        channel.then(DeliveryResult.retry(Duration.ofSeconds(30), "HTTP 429"));
        ScriptedChannel otherChannel = new ScriptedChannel();
        Duration lease = Duration.ofSeconds(30);
        try (OutboxDispatcher one = new OutboxDispatcher(store, channel, clock, events::add, Duration.ofSeconds(30),
                ClaimPolicy.cluster("node-1", lease));
             OutboxDispatcher two = new OutboxDispatcher(store, otherChannel, clock, events::add,
                     Duration.ofSeconds(30), ClaimPolicy.cluster("node-2", lease))) {

            assertThat(one.deliverDue()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(two.deliverDue()).as("node-2 keeps to the pause node-1 was asked for").isZero();
            clock.advance(Duration.ofSeconds(29));
            assertThat(two.deliverDue()).isEqualTo(2);
        }

        assertThat(otherChannel.deliveries()).extracting(ScriptedChannel.Call::identity)
                .containsExactly("a.org", "b.org");
        assertThat(store.outbox()).extracting(OutboxRow::status).containsOnly("delivered");
    }

    @Test
    void deliverDue_clusterMode_aMessageAnotherLiveNodeClaimed_isLeftToIt_untilItsClaimLapses() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0));
        Duration lease = Duration.ofSeconds(30);
        store.claimDue(T0, 10, channel.settingsFingerprint(), "node-1", T0.plus(lease));
        try (OutboxDispatcher two = new OutboxDispatcher(store, channel, clock, events::add, Duration.ofSeconds(30),
                ClaimPolicy.cluster("node-2", lease))) {

            clock.advance(lease.minusSeconds(1));
            assertThat(two.deliverDue()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(two.deliverDue()).isEqualTo(1);
        }

        assertThat(channel.deliveries()).extracting(ScriptedChannel.Call::identity).containsExactly("a.org");
        assertThat(channel.finds()).as("node-1 never started a post: nothing to look for").isEmpty();
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
    void deliverDue_afterRestartDuringThePause_theWholeChannelStillWaits() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0), AlertFixtures.firingNotification("b.org", T0));
        channel.then(DeliveryResult.retry(Duration.ofSeconds(30), "HTTP 429"));
        assertThat(dispatcher().deliverDue()).isZero();
        store.close();

        open();
        clock.advance(Duration.ofSeconds(5));
        assertThat(dispatcher().deliverDue()).as("a restart keeps to the stored pause").isZero();
        clock.advance(Duration.ofSeconds(25));
        assertThat(dispatcher().deliverDue()).isEqualTo(2);

        assertThat(channel.deliveries()).extracting(ScriptedChannel.Call::identity)
                .containsExactly("a.org", "a.org", "b.org");
    }

    @Test
    void deliverDue_retryAfterOfAnHour_isCappedAtFiveMinutes_andStored() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0));
        channel.then(DeliveryResult.retry(Duration.ofHours(1), "HTTP 429"));
        OutboxDispatcher dispatcher = dispatcher();

        dispatcher.deliverDue();

        assertThat(store.channelPause("scripted")).hasValue(T0.plus(OutboxDispatcher.MAX_RETRY_AFTER));
        assertThat(store.outbox().get(0).nextAttempt()).isEqualTo(T0.plus(OutboxDispatcher.MAX_RETRY_AFTER));
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(dispatcher.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
    }

    @Test
    void deliverDue_held_keepsTheMessagePendingWithALongBackoff_andTheResolutionBehindIt() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0), AlertFixtures.resolvedNotification("a.org", T0));
        channel.then(DeliveryResult.held("HTTP 404 no_service"));
        OutboxDispatcher dispatcher = dispatcher();

        assertThat(dispatcher.deliverDue()).isZero();
        clock.advance(Duration.ofMinutes(14));
        assertThat(dispatcher.deliverDue()).isZero();

        assertThat(store.outbox()).extracting(OutboxRow::status).containsExactly("pending", "pending");
        assertThat(store.outbox().get(0).nextAttempt()).isEqualTo(T0.plus(OutboxDispatcher.HELD_BACKOFF_BASE));
        assertThat(store.outbox().get(0).lastError()).isEqualTo("HTTP 404 no_service");
        assertThat(dispatcher.heldCount()).isEqualTo(1);
        assertThat(dispatcher.pendingCount()).isEqualTo(2);
        assertThat(events).extracting(DeliveryEvent::outcome).containsExactly("held");
        assertThat(channel.deliveries()).hasSize(1);
    }

    @Test
    void deliverDue_heldThenRestart_sendsAtOnce_firingThenResolved() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0), AlertFixtures.resolvedNotification("a.org", T0));
        channel.then(DeliveryResult.held("HTTP 404 no_service"));
        dispatcher().deliverDue();
        store.close();

        open();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher().deliverDue()).isEqualTo(2);

        assertThat(channel.deliveries()).extracting(c -> c.notification().onlyResolved())
                .containsExactly(false, false, true);
        assertThat(store.outbox()).extracting(OutboxRow::status).containsExactly("delivered", "delivered");
        assertThat(store.heldCount()).isZero();
        assertThat(store.incident("a.org")).isEmpty();
    }

    @Test
    void deliverDue_heldThenSettingsChange_sendsAtOnceWithoutARestart() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0));
        channel.then(DeliveryResult.held("invalid_auth"));
        OutboxDispatcher dispatcher = dispatcher();
        dispatcher.deliverDue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.deliverDue()).as("same settings: waits its backoff").isZero();

        channel.fingerprint = "settings-2";

        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(events).extracting(DeliveryEvent::outcome).containsExactly("held", "delivered");
    }

    @Test
    void deliverDue_uncertainWithoutLookUp_sendsOnceMoreAfterBackoff_thenStopsAsUnconfirmed() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0), AlertFixtures.resolvedNotification("a.org", T0));
        channel.then(DeliveryResult.uncertain("read timeout")).then(DeliveryResult.uncertain("read timeout"));
        OutboxDispatcher dispatcher = uncertainAfter(Duration.ofSeconds(30));

        dispatcher.deliverDue();
        clock.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.deliverDue();
        assertThat(store.outbox().get(0).nextAttempt()).as("doubled").isEqualTo(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        int third = dispatcher.deliverDue();

        assertThat(channel.deliveries()).extracting(c -> c.notification().onlyResolved())
                .as("two sends of the firing message at most, then the resolution").containsExactly(false, false, true);
        assertThat(third).isEqualTo(1);
        assertThat(events).extracting(DeliveryEvent::outcome)
                .containsExactly("uncertain", "uncertain", "unconfirmed", "delivered");
        assertThat(store.outbox()).extracting(OutboxRow::status).containsExactly("delivered", "delivered");
    }

    @Test
    void deliverDue_uncertainAndFoundInTheChannel_isDeliveredWithoutSendingAgain() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0));
        channel.then(DeliveryResult.uncertain("read timeout")).thenFind(Lookup.found("ts-found"));
        OutboxDispatcher dispatcher = uncertainAfter(Duration.ofSeconds(30));

        dispatcher.deliverDue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);

        assertThat(channel.deliveries()).hasSize(1);
        assertThat(channel.keys).containsExactly("outbox-1");
        assertThat(channel.finds()).extracting(ScriptedChannel.Call::identity).containsExactly("outbox-1");
        assertThat(store.incident("a.org")).hasValueSatisfying(i -> assertThat(i.threadRef()).isEqualTo("ts-found"));
    }

    @Test
    void deliverDue_uncertainAndAbsent_sendsAgain_evenAfterTwoUncertainAttempts() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0));
        channel.then(DeliveryResult.uncertain("reset")).then(DeliveryResult.uncertain("reset"))
                .thenFind(Lookup.absent()).thenFind(Lookup.absent());
        OutboxDispatcher dispatcher = uncertainAfter(Duration.ofSeconds(1));

        for (int tick = 0; tick < 3; tick++) {
            dispatcher.deliverDue();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(channel.deliveries()).hasSize(3);
        assertThat(store.outbox()).singleElement().satisfies(row -> assertThat(row.messageRef()).isEqualTo("ts1"));
    }

    @Test
    void deliverDue_processDiedDuringAnAttempt_countsItUncertain_waits_thenLooksBeforeSending() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0));
        store.recordInFlight(store.dueMessages(T0, 10).get(0), T0);
        store.close();
        open();
        channel.thenFind(Lookup.found("ts-posted-before-the-crash"));
        OutboxDispatcher dispatcher = uncertainAfter(Duration.ofSeconds(30));

        assertThat(dispatcher.deliverDue()).as("waits the uncertain backoff").isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);

        assertThat(channel.deliveries()).isEmpty();
        assertThat(events).extracting(DeliveryEvent::outcome).containsExactly("uncertain", "delivered");
        assertThat(store.outbox()).singleElement()
                .satisfies(row -> assertThat(row.messageRef()).isEqualTo("ts-posted-before-the-crash"));
    }

    @Test
    void deliverDue_anUnansweredPost_endsTheTick_theNextIdentityWaitsForTheNextTick() throws Exception {
        open();
        enqueue(AlertFixtures.firingNotification("a.org", T0), AlertFixtures.firingNotification("b.org", T0));
        channel.then(DeliveryResult.uncertain("read timeout"));
        OutboxDispatcher dispatcher = uncertainAfter(Duration.ofSeconds(30));

        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(channel.deliveries()).extracting(ScriptedChannel.Call::identity).containsExactly("a.org");
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(channel.deliveries()).extracting(ScriptedChannel.Call::identity).containsExactly("a.org", "b.org");
    }

    OutboxDispatcher uncertainAfter(Duration wait) {
        return new OutboxDispatcher(store, channel, clock, events::add,
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), bound -> 0), wait);
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
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), bound -> 0));

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
        Backoff widest = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10),
                bound -> bound);
        Backoff narrowest = new Backoff(Duration.ofSeconds(2),
                Duration.ofMinutes(10), bound -> 0);

        assertThat(widest.delay(1, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(widest.delay(2, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(widest.delay(9, null)).isEqualTo(Duration.ofSeconds(512));
        assertThat(widest.delay(10, null)).isEqualTo(Duration.ofMinutes(10));
        assertThat(widest.delay(1000, null)).isEqualTo(Duration.ofMinutes(10));
        assertThat(narrowest.delay(5, null)).isEqualTo(Duration.ZERO);
        assertThat(OutboxDispatcher.heldDelay(1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(OutboxDispatcher.heldDelay(3)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxDispatcher.heldDelay(50)).isEqualTo(Duration.ofHours(6));
        assertThat(narrowest.delay(5, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(widest.delay(5, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(32));
    }
}
