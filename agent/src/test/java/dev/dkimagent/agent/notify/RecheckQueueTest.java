package dev.dkimagent.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Coalescing, the minimum gap, the bound and confirmation, with a real executor and short durations. */
class RecheckQueueTest {
    private static final Duration GAP = Duration.ofMillis(400);
    private final List<String> rechecked = new CopyOnWriteArrayList<>();
    private final List<Long> started = new CopyOnWriteArrayList<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final RecordingEvents events = new RecordingEvents();
    private RecheckQueue queue;

    @AfterEach
    void stop() {
        queue.close();
    }

    @Test
    void tenNotifiesForOneChange_giveOneRecheck() throws Exception {
        queue = queue(GAP, 1, 10);
        for (int i = 0; i < 10; i++) {
            queue.request("a.test", Trigger.NOTIFY, OptionalLong.of(5));
            Thread.sleep(20);
        }
        Thread.sleep(GAP.toMillis() * 2);

        assertThat(rechecked).containsExactly("a.test");
        assertThat(events.rechecks).containsExactly("notify");
        assertThat(events.serialToRecheck).hasSize(1);
    }

    @Test
    void aNewSerialSoonAfterARecheck_waitsForTheGap_andIsNotLost() {
        queue = queue(GAP, 1, 10);
        queue.request("a.test", Trigger.NOTIFY, OptionalLong.of(5));
        await().until(() -> rechecked.size() == 1);

        assertThat(queue.request("a.test", Trigger.NOTIFY, OptionalLong.of(6))).isEqualTo(RecheckQueue.Queued.SCHEDULED);
        assertThat(queue.request("a.test", Trigger.SOA, OptionalLong.of(7))).isEqualTo(RecheckQueue.Queued.JOINED);
        await().until(() -> rechecked.size() == 2);

        assertThat(Duration.ofNanos(started.get(1) - started.get(0))).isGreaterThanOrEqualTo(GAP);
        await().until(() -> events.rechecks.size() == 2);
        assertThat(events.rechecks).containsExactly("notify", "notify");
    }

    @Test
    void notifySerialClaimedByAnotherNode_isNotRechecked_otherTriggersAndSerialsAre() {
        queue = queue(GAP, 1, 10);
        queue.shareSerials((zone, serial) -> serial != 5);

        queue.request("a.test", Trigger.NOTIFY, OptionalLong.of(5));
        queue.request("b.test", Trigger.NOTIFY, OptionalLong.of(6));
        queue.request("c.test", Trigger.SOA, OptionalLong.of(5));

        await().until(() -> rechecked.size() == 2);
        await().pollDelay(GAP.multipliedBy(2)).until(() -> true);
        assertThat(rechecked).containsExactlyInAnyOrder("b.test", "c.test");
    }

    @Test
    void fullQueue_dropsAndCounts() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        queue = new RecheckQueue(zone -> {
            hold.await();
            return true;
        }, pending::contains, GAP, GAP, 1, 2, 1, System::nanoTime, events);
        queue.request("a.test", Trigger.NOTIFY, OptionalLong.empty());   // runs, holds the only thread
        await().until(() -> queue.waiting() == 0);
        queue.request("b.test", Trigger.NOTIFY, OptionalLong.empty());
        queue.request("c.test", Trigger.NOTIFY, OptionalLong.empty());

        assertThat(queue.request("d.test", Trigger.NOTIFY, OptionalLong.empty())).isEqualTo(RecheckQueue.Queued.DROPPED);
        assertThat(events.dropped).containsExactly("notify");
        hold.countDown();
    }

    @Test
    void findingLeftPending_isConfirmedOnceMore_thenNotAgain() {
        queue = queue(GAP, 1, 10);
        pending.add("a.test");
        queue.request("a.test", Trigger.NOTIFY, OptionalLong.of(9));

        await().until(() -> rechecked.size() == 2);
        await().pollDelay(GAP.multipliedBy(3)).until(() -> true);

        assertThat(events.rechecks).containsExactly("notify", "confirm");
    }

    @Test
    void nothingPending_noConfirmation() {
        queue = queue(GAP, 1, 10);
        queue.request("a.test", Trigger.SOA, OptionalLong.empty());

        await().until(() -> rechecked.size() == 1);
        await().pollDelay(GAP.multipliedBy(2)).until(() -> true);

        assertThat(events.rechecks).containsExactly("soa");
    }

    @Test
    void serversCatchingUp_oneMoreRecheckWhenTheirGraceEnds_thenNoMore() {
        // after the first recheck servers are catching up; the grace recheck judges them
        queue = new RecheckQueue(zone -> {
            started.add(System.nanoTime());
            rechecked.add(zone);
            return true;
        }, pending::contains, zone -> rechecked.size() == 1 ? Optional.of(GAP) : Optional.empty(), Duration.ZERO, GAP,
                1, 10, 2, System::nanoTime, events);

        queue.request("a.test", Trigger.NOTIFY, OptionalLong.of(3));
        await().until(() -> events.rechecks.size() == 2);
        await().pollDelay(GAP.multipliedBy(2)).until(() -> true);

        assertThat(events.rechecks).containsExactly("notify", "grace");
        assertThat(Duration.ofNanos(started.get(1) - started.get(0))).isGreaterThanOrEqualTo(GAP);
    }

    private RecheckQueue queue(Duration gap, int confirms, int capacity) {
        return new RecheckQueue(zone -> {
            started.add(System.nanoTime());
            rechecked.add(zone);
            return true;
        }, pending::contains, gap, gap, confirms, capacity, 2, System::nanoTime, events);
    }
}
