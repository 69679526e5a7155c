package dev.dkimagent.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WindowTest {

    private static List<Integer> items(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void startsInOrder_neverMoreThanTheLimitUnfinished_andTheNextAsOneEnds() {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        CompletableFuture<Void> done = Window.run(items(5), 2, i -> {
            order.add(i);
            CompletableFuture<Void> f = new CompletableFuture<>();
            started.add(f);
            return f;
        });

        assertThat(order).containsExactly(0, 1);
        started.get(1).complete(null);
        assertThat(order).containsExactly(0, 1, 2);
        started.get(0).complete(null);
        started.get(2).complete(null);
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(done).isNotDone();

        started.get(3).complete(null);
        assertThat(done).isNotDone();
        started.get(4).complete(null);
        assertThat(done).isCompleted();
    }

    @Test
    void nothingToStart_isDoneAtOnce() {
        assertThat(Window.run(List.of(), 4, i -> new CompletableFuture<>())).isCompleted();
    }

    @Test
    void tasksThatEndAtOnce_keepTheStackFlat() {
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Void> done = Window.run(items(200_000), 1, i -> {
            ran.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });

        assertThat(done).isCompleted();
        assertThat(ran).hasValue(200_000);
    }

    @Test
    void aFailure_isReportedOnceEveryTaskHasEnded_andTheOthersStillRun() {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        CompletableFuture<Void> done = Window.run(items(3), 3, i -> {
            if (i == 1) {
                throw new IllegalStateException("task 1 could not start");
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            started.add(f);
            return f;
        });

        assertThat(started).hasSize(2);
        started.get(0).complete(null);
        assertThat(done).isNotDone();
        started.get(1).completeExceptionally(new IllegalStateException("task 2 failed"));
        assertThatThrownBy(done::get).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("task 1 could not start");
    }

    @Test
    void tasksEndingOnManyThreads_allRun_withinTheLimit() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        AtomicInteger unfinished = new AtomicInteger();
        AtomicInteger mostUnfinished = new AtomicInteger();
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        try {
            CompletableFuture<Void> done = Window.run(items(20_000), 8, i -> {
                mostUnfinished.accumulateAndGet(unfinished.incrementAndGet(), Math::max);
                return CompletableFuture.runAsync(() -> {
                    ran.add(i);
                    unfinished.decrementAndGet();
                }, threads);
            });

            done.get(30, TimeUnit.SECONDS);
            assertThat(ran).hasSize(20_000).doesNotHaveDuplicates();
            assertThat(mostUnfinished.get()).isBetween(1, 8);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aLimitBelowOne_isRefused() {
        assertThatThrownBy(() -> Window.run(List.of(1), 0, i -> new CompletableFuture<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be at least 1, got 0");
    }
}
